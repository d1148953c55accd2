import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

/**
 * The events page by keyboard: the skip link, single-key shortcuts and their
 * help, the View event pane's separator, and the pane as a sheet on phones.
 */
const QUERY = "region=cn-hangzhou&range=24h";

test("the first Tab reaches Skip to results, which puts focus on the results", async ({
  page,
}) => {
  const events = new EventsPage(page);
  await events.open(QUERY);
  await events.waitForResults();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Results" })).toBeFocused();
  // From there j enters the rows at the active (first) one.
  await page.keyboard.press("j");
  await expect(events.rows.first()).toBeFocused();
});

test("/ goes to the search box, j j o opens the third row, Escape closes it and focus returns to that row", async ({
  page,
}) => {
  const events = new EventsPage(page);
  await events.open(QUERY);
  await events.waitForResults();
  const search = page.getByRole("searchbox", { name: "Refine loaded events" });
  const firstRowIndex = await events.rows.first().getAttribute("aria-rowindex");

  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  // In the box the letters are typed, not taken as shortcuts.
  await page.keyboard.type("jk");
  await expect(search).toHaveValue("jk");
  await expect(events.pane).toBeHidden();
  await search.fill("");
  // The cleared box reaches the URL, and the rows are all back, before leaving it.
  await expect(page).not.toHaveURL(/[?&]q=/);
  // "jk" matched nothing: wait until the table is back before using its rows.
  await expect(events.grid).toBeVisible();
  await expect(events.rows.first()).toHaveAttribute(
    "aria-rowindex",
    firstRowIndex ?? "",
  );
  await expect(
    events.grid.locator('[role="row"][data-row-index="2"]'),
  ).toBeVisible();

  // Escape leaves the box for the results: the first j is the active row.
  await page.keyboard.press("Escape");
  await expect(events.rows.first()).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const third = events.grid.locator('[role="row"][data-row-index="2"]');
  await expect(third).toBeFocused();
  await page.keyboard.press("k");
  await expect(
    events.grid.locator('[role="row"][data-row-index="1"]'),
  ).toBeFocused();
  await page.keyboard.press("j");

  await page.keyboard.press("o");
  await expect(events.pane).toBeVisible();
  await expect(third).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/[?&]event=/);
  await page.keyboard.press("Escape");
  await expect(events.pane).toBeHidden();
  await expect(third).toBeFocused();

  // With a modifier the key is the browser's, not a shortcut.
  await page.keyboard.press("Control+o");
  await expect(events.pane).toBeHidden();
});

test("? opens the shortcuts help as a modal dialog, from the keyboard or the button", async ({
  page,
}) => {
  const events = new EventsPage(page);
  await events.open(QUERY);
  await events.waitForResults();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });

  await events.rows.first().focus();
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /Next row/ })).toBeVisible();
  await expect(help.getByRole("button", { name: "Close" })).toBeFocused();
  // Focus stays in the dialog, and shortcuts are off while it is open.
  await page.keyboard.press("Tab");
  await expect(help.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("o");
  await expect(events.pane).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(events.rows.first()).toBeFocused();

  const button = page.getByRole("button", { name: "Keyboard shortcuts" });
  await button.click();
  await expect(help).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();
  await expect(button).toBeFocused();
});

test("the pane's separator resizes it with the arrow keys, the width is remembered, and Full width covers the results", async ({
  page,
}) => {
  const events = new EventsPage(page);
  await events.open(QUERY);
  await events.waitForResults();
  await events.rows.first().focus();
  await page.keyboard.press("Enter");
  await expect(events.pane).toBeVisible();

  const separator = page.getByRole("separator", {
    name: "Resize the event pane",
  });
  await expect(separator).toHaveAttribute("aria-valuenow", "480");
  const before = (await events.pane.boundingBox())!.width;
  await separator.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(separator).toHaveAttribute("aria-valuenow", "512");
  await expect
    .poll(async () => (await events.pane.boundingBox())!.width)
    .toBeCloseTo(before + 32, 0);
  await page.keyboard.press("Shift+ArrowRight");
  await expect(separator).toHaveAttribute("aria-valuenow", "448");
  await page.keyboard.press("Home");
  await expect(separator).toHaveAttribute("aria-valuenow", "320");

  // Dragging the separator with the pointer widens the pane too.
  const box = (await separator.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + 100, {
    steps: 4,
  });
  await page.mouse.up();
  await expect(separator).toHaveAttribute("aria-valuenow", "420");

  // The width is a preference: it survives a reload.
  await page.reload();
  await expect(events.pane).toBeVisible();
  await expect(separator).toHaveAttribute("aria-valuenow", "420");

  const full = page.getByRole("button", { name: "Full width" });
  await full.click();
  await expect(full).toHaveAttribute("aria-pressed", "true");
  const results = page.getByRole("region", { name: "Results" });
  const paneBox = (await events.pane.boundingBox())!;
  const resultsBox = (await results.boundingBox())!;
  expect(paneBox.width).toBeGreaterThan(resultsBox.width * 0.9);
  await expect(separator).toBeHidden();
  await full.click();
  await expect(full).toHaveAttribute("aria-pressed", "false");
  await expect(separator).toBeVisible();

  // Closed while popped out, the results come back and a row has focus.
  await full.click();
  await page.keyboard.press("Escape");
  await expect(events.pane).toBeHidden();
  await expect(events.rows.first()).toBeFocused();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the pane is a full-screen sheet; Back to results closes it and focus returns to the row", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open(QUERY);
    await events.waitForResults();
    const row = events.rows.nth(1);
    await row.focus();
    await page.keyboard.press("o");
    await expect(events.pane).toBeVisible();
    const sheet = (await events.pane.boundingBox())!;
    expect(sheet.width).toBeGreaterThan(340);
    await expect(page.getByRole("separator")).toHaveCount(0);
    const back = page.getByRole("button", { name: "Back to results" });
    await expect(back).toBeInViewport();
    // Tab stays in the sheet: the header behind it does not take focus.
    await back.focus();
    await page.keyboard.press("Shift+Tab");
    await expect(back).not.toBeFocused();
    await expect(page.locator(".event-pane-frame :focus")).toHaveCount(1);
    await page.keyboard.press("Tab");
    await expect(back).toBeFocused();
    await back.click();
    await expect(events.pane).toBeHidden();
    await expect(row).toBeFocused();
  });
});
