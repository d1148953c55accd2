import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

const HOUR = 3_600_000;

/** The absolute range the URL holds, as epoch ms. */
function urlRange(url: string): { from: number; to: number } {
  const params = new URL(url).searchParams;
  return {
    from: Date.parse(params.get("from") ?? ""),
    to: Date.parse(params.get("to") ?? ""),
  };
}

test.describe("event search histogram", () => {
  test("dragging across bars narrows the URL's range to them", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.waitForResults();
    const histogram = page.getByRole("region", { name: "Events over time" });
    await expect(histogram).toContainText(/one bar per hour/);
    const chart = histogram.getByRole("img", { name: /Events over time/ });
    // The chart's code loads after the results: drag once it is drawn.
    await expect(chart.locator("svg").first()).toBeVisible();
    const box = (await chart.boundingBox()) ?? {
      x: 0,
      y: 0,
      width: 0,
      height: 0,
    };
    expect(box.width).toBeGreaterThan(100);
    const y = box.y + box.height * 0.4;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=.*&to=/);
    const { from, to } = urlRange(page.url());
    expect(to - from).toBeGreaterThan(HOUR);
    expect(to - from).toBeLessThan(24 * HOUR);
    await expect(
      page.getByRole("combobox", { name: "Time range" }),
    ).toHaveValue("custom");
  });

  test("a bar narrows the range from the keyboard, through the table view", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.waitForResults();
    const histogram = page.getByRole("region", { name: "Events over time" });
    const showTable = histogram.getByRole("button", { name: "Show table" });
    await showTable.focus();
    await page.keyboard.press("Enter");
    const narrow = histogram
      .getByRole("button", { name: /^Narrow the search to / })
      .first();
    await narrow.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/from=.*&to=/);
    const { from, to } = urlRange(page.url());
    expect(to - from).toBeGreaterThan(0);
    expect(to - from).toBeLessThanOrEqual(HOUR);
  });

  test("field statistics from the User header: Escape closes, Only this adds the condition", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.waitForResults();
    const opener = events.grid.getByRole("button", {
      name: "Field statistics: User",
    });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Field statistics: User" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();

    await opener.click();
    const only = dialog.getByRole("button", { name: /^Only User / }).first();
    const label = (await only.getAttribute("aria-label")) ?? "";
    const userName = label.replace(/^Only User /, "");
    expect(userName).not.toBe("");
    await only.click();
    await expect(dialog).toBeHidden();
    await expect(events.conditions).toContainText(`User = ${userName}`);
    await expect(page).toHaveURL(
      new RegExp(`f=User%3A${encodeURIComponent(userName)}`),
    );
  });

  test("the page with the histogram and its table view is accessible", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.waitForResults();
    const histogram = page.getByRole("region", { name: "Events over time" });
    await expect(histogram).toBeVisible();
    const scan = async () => {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      return results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`);
    };
    expect(await scan()).toEqual([]);
    await histogram.getByRole("button", { name: "Show table" }).click();
    await expect(histogram.getByRole("table")).toBeVisible();
    expect(await scan()).toEqual([]);
  });
});
