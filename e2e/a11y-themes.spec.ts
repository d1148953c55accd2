import { expectAccessible } from "./axe";
import type { Page } from "@playwright/test";
import { INCIDENTS } from "../mocks/data/incidents";
import { expect, openConsole, test } from "./fixtures";

const prod = INCIDENTS.stoppedProdInstance;

/** Sets the theme from the header's toggle and waits until the page wears it. */
async function applyTheme(page: Page, theme: "light" | "dark") {
  const html = page.locator("html");
  if ((await html.getAttribute("data-theme")) !== theme)
    await page
      .getByRole("button", {
        name:
          theme === "dark" ? "Switch to dark theme" : "Switch to light theme",
      })
      .click();
  await expect(html).toHaveAttribute("data-theme", theme);
}

const noLoading = (page: Page) =>
  expect(page.locator(".loading-state")).toHaveCount(0, { timeout: 90_000 });

/** Each screen, opened and ready to be read (its data loaded). */
const screens: [string, (page: Page) => Promise<void>][] = [
  [
    "events with the View event pane",
    async (page) => {
      await openConsole(
        page,
        `/events?region=${prod.region}&range=24h&mock-latency=0-0`,
      );
      const rows = page
        .getByRole("grid", { name: "Events" })
        .getByRole("rowgroup")
        .nth(1)
        .getByRole("row");
      await expect(rows.first()).toBeVisible({ timeout: 45_000 });
      await rows.first().locator(".open-event").click();
      await expect(page.locator("section.event-pane")).toBeVisible();
    },
  ],
  [
    "trails",
    async (page) => {
      await openConsole(page, `/trails?region=${prod.region}&mock-latency=0-0`);
      await expect(
        page.locator("table.trails-table tbody tr").first(),
      ).toBeVisible({
        timeout: 45_000,
      });
    },
  ],
  [
    "insights overview",
    async (page) => {
      await openConsole(
        page,
        `/insights?region=${prod.region}&mock-latency=0-0`,
      );
      await expect(
        page.getByRole("heading", { level: 1, name: "Insights" }),
      ).toBeVisible();
      await expect(
        page.getByRole("button", { name: "Show table" }).first(),
      ).toBeVisible({ timeout: 90_000 });
      await noLoading(page);
    },
  ],
  [
    "findings",
    async (page) => {
      await openConsole(
        page,
        `/insights/findings?region=${prod.region}&mock-latency=0-0`,
      );
      await expect(
        page
          .getByRole("region", { name: "Findings" })
          .getByRole("article")
          .first(),
      ).toBeVisible({ timeout: 90_000 });
      await noLoading(page);
    },
  ],
  [
    "investigate identity",
    async (page) => {
      await openConsole(
        page,
        `/investigate/identity?kind=user&value=${encodeURIComponent(prod.userName)}&mock-latency=0-0`,
      );
      await expect(
        page.getByRole("table", { name: /^All its events/ }),
      ).toBeVisible({ timeout: 45_000 });
      await noLoading(page);
    },
  ],
];

test.describe("axe in both themes", () => {
  for (const [name, open] of screens) {
    for (const theme of ["light", "dark"] as const) {
      test(`${name} is accessible in the ${theme} theme`, async ({ page }) => {
        await open(page);
        await applyTheme(page, theme);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await expectAccessible(page, `${name} (${theme})`);
      });
    }
  }
});
