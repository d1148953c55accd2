import type { Locator, Page } from "@playwright/test";
import { INCIDENTS } from "../mocks/data/incidents";
import { expect, openConsole, test } from "./fixtures";

const prod = INCIDENTS.stoppedProdInstance;

/** The first body row's height and its first cell's left padding, in CSS pixels. */
const rowMetrics = (row: Locator) =>
  row.evaluate((el) => {
    const cell = el.querySelector(
      "td, [role=gridcell]:not(.events-grid-actions)",
    );
    return {
      height: el.getBoundingClientRect().height,
      padding: cell ? parseFloat(getComputedStyle(cell).paddingLeft) : -1,
    };
  });

async function setDensity(page: Page, density: "Compact" | "Comfortable") {
  await page.goto("/settings?mock-latency=0-0");
  await page.getByRole("radio", { name: density }).check();
  await expect(page.locator("html")).toHaveAttribute(
    "data-density",
    density.toLowerCase(),
  );
}

const tables: [string, string, (page: Page) => Locator][] = [
  [
    "events",
    `/events?region=${prod.region}&range=24h&mock-latency=0-0`,
    (page) =>
      page
        .getByRole("grid", { name: "Events" })
        .getByRole("rowgroup")
        .nth(1)
        .getByRole("row")
        .first(),
  ],
  [
    "trails",
    `/trails?region=${prod.region}&mock-latency=0-0`,
    (page) => page.locator("table.trails-table tbody tr").first(),
  ],
  [
    "investigation",
    `/investigate/identity?kind=user&value=${encodeURIComponent(prod.userName)}&mock-latency=0-0`,
    (page) =>
      page
        .getByRole("table", { name: /^All its events/ })
        .locator("tbody tr")
        .first(),
  ],
];

for (const [name, path, firstRow] of tables) {
  test(`the density setting changes the ${name} table's row height and paddings`, async ({
    page,
  }) => {
    await openConsole(page, path);
    const row = firstRow(page);
    await expect(row).toBeVisible({ timeout: 45_000 });
    const comfortable = await rowMetrics(row);

    await setDensity(page, "Compact");
    await page.goto(path);
    await expect(firstRow(page)).toBeVisible({ timeout: 45_000 });
    const compact = await rowMetrics(firstRow(page));
    expect(compact.height).toBeLessThan(comfortable.height);
    expect(compact.padding).toBeLessThan(comfortable.padding);

    await setDensity(page, "Comfortable");
    await page.goto(path);
    await expect(firstRow(page)).toBeVisible({ timeout: 45_000 });
    expect((await rowMetrics(firstRow(page))).height).toBe(comfortable.height);
  });
}
