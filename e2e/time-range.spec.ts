import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

// The page's clock starts at Monday 2026-11-23, 11:00 Beijing time (E2E_NOW),
// and the browser is in Asia/Shanghai: "browser time" is UTC+08:00.

test.describe("The events time range", () => {
  test("Yesterday, chosen with the keyboard, searches the whole calendar day", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou");
    await events.waitForResults();

    await events.range.focus();
    // A closed select picks the option whose name starts with the typed letter.
    await page.keyboard.press("y");
    await expect(events.range).toHaveValue("yesterday");
    await expect(page).toHaveURL(/[?&]range=yesterday(&|$)/);
    await expect(page.locator(".search-scope")).toContainText(
      "2026-11-22 00:00:00 UTC+08:00 – 2026-11-22 23:59:59 UTC+08:00",
      { timeout: 30_000 },
    );
  });

  test("an absolute range typed to the second keeps its last second, and a mistyped one is refused beside its field", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou");
    await events.waitForResults();

    await events.range.focus();
    await page.keyboard.press("c");
    await expect(events.range).toHaveValue("custom");
    const from = page.getByRole("textbox", { name: /^From/ });
    const to = page.getByRole("textbox", { name: /^To/ });

    await from.fill("");
    await from.pressSequentially("2026-11-22 08:00:05");
    await to.fill("");
    await to.pressSequentially("2026-11-22 25:00");
    await to.press("Enter");
    const refusal = page.getByRole("alert");
    await expect(refusal).toContainText("The end is not a date and time.");
    await expect(to).toHaveAttribute("aria-invalid", "true");
    await expect(to).toHaveValue("2026-11-22 25:00");
    await expect(page).not.toHaveURL(/[?&]to=/);
    const axe = await new AxeBuilder({ page })
      .include("form")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => v.id),
      "the refused range form has no serious or critical violations",
    ).toEqual([]);

    await to.fill("");
    await to.pressSequentially("2026-11-22 23:59:59");
    await to.press("Enter");
    await expect(page).toHaveURL(
      /[?&]from=2026-11-22T00%3A00%3A05Z&to=2026-11-22T15%3A59%3A59Z(&|$)/,
    );
    await expect(refusal).toHaveCount(0);
    await expect(to).not.toHaveAttribute("aria-invalid");
    await expect(page.locator(".search-scope")).toContainText(
      "2026-11-22 08:00:05 UTC+08:00 – 2026-11-22 23:59:59 UTC+08:00",
      { timeout: 30_000 },
    );
  });
});
