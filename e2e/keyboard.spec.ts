import { expect, openConsole, test } from "./fixtures";
import { tabTo } from "./pages/events";

/**
 * Keyboard-only journeys: every control is reached with Tab and worked with
 * Enter, Space, arrows and typing — no mouse. `tabTo` (shared with the event
 * search journeys) fails if a control cannot be reached within 60 Tab presses.
 */
test("the trail wizard, keyboard only: errors take focus, steps are announced, the trail is created", async ({
  page,
}) => {
  await openConsole(page, "/trails/new?region=cn-hangzhou&mock-latency=0-0");
  const stepHeading = page.getByRole("heading", {
    level: 2,
    name: /^Step \d of 3/,
  });
  await expect(stepHeading).toHaveText("Step 1 of 3: Basics");

  // Next with no name: focus moves to the field with the error.
  const name = page.getByRole("textbox", { name: "Trail name" });
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await page.keyboard.type("kb-only-trail");
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");
  await expect(stepHeading).toContainText("Delivery");

  await tabTo(page, page.getByRole("checkbox", { name: /OSS bucket/ }));
  await page.keyboard.press("Space");
  const bucket = page.getByRole("combobox", { name: "Bucket" });
  await tabTo(page, bucket);
  await page.keyboard.type("ops-logs-hz"); // a native select picks the option typed
  await expect(bucket).toHaveValue("ops-logs-hz");
  await tabTo(page, page.getByRole("button", { name: "Next" }));
  await page.keyboard.press("Enter");
  await expect(stepHeading).toContainText("Review and create");

  await tabTo(page, page.getByRole("button", { name: "Create", exact: true }));
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { level: 1, name: "Trail kb-only-trail" }),
  ).toBeVisible();
});

test("settings, keyboard only: the theme changes with arrow keys and the reset dialog opens and closes", async ({
  page,
}) => {
  await openConsole(page, "/settings?mock-latency=0-0");
  const light = page.getByRole("radio", { name: "Light" });
  await tabTo(page, page.getByRole("radio", { name: "Follow the system" }));
  await page.keyboard.press("ArrowDown");
  await expect(light).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");

  const reset = page.getByRole("button", { name: "Reset demo data…" });
  await tabTo(page, reset);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", {
    name: "Reset the simulated account?",
  });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
});

test("the skip link takes keyboard users straight to the page", async ({
  page,
}) => {
  await openConsole(page, "/trails?region=cn-hangzhou&mock-latency=0-0");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});
