import { INCIDENTS } from "../mocks/data/incidents";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

const prod = INCIDENTS.stoppedProdInstance;

/** How far the page itself can scroll sideways (0 when it cannot). */
const pageOverflow = (events: EventsPage) =>
  events.page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
]) {
  test(`the page never scrolls sideways at ${viewport.width}×${viewport.height}; the grid scrolls inside its own box`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    const events = new EventsPage(page);
    await events.open(`region=${prod.region}&range=24h`);
    await expect(events.rows.first()).toBeVisible({ timeout: 30_000 });
    expect(await pageOverflow(events)).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: testInfo.outputPath(`events-${viewport.width}.png`),
    });

    // With the View event pane open the table has less room: still no page scroll.
    await events.openEvent(events.rows.first());
    expect(await pageOverflow(events)).toBeLessThanOrEqual(0);
    const grid = await events.grid.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      overflowX: getComputedStyle(el).overflowX,
    }));
    expect(grid.overflowX).toBe("auto");
    await page.screenshot({
      path: testInfo.outputPath(`events-pane-${viewport.width}.png`),
    });

    // Widening a column grows the grid's own scroll area, not the page's.
    const handle = events.grid.getByRole("button", {
      name: /^Width of Resource/,
    });
    await handle.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await expect
      .poll(() => events.grid.evaluate((el) => el.scrollWidth))
      .toBeGreaterThan(grid.scrollWidth);
    expect(await pageOverflow(events)).toBeLessThanOrEqual(0);
  });
}

/** Header cells of the grid wholly inside its scroll box (left and right edges). */
const fullyVisibleHeaders = (events: EventsPage) =>
  events.grid.evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    return [...grid.querySelectorAll('[role="columnheader"]')]
      .filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      })
      .map((cell) => cell.textContent?.replace(/[▲▼]/g, "").trim() ?? "")
      .filter(Boolean);
  });

test("at 1440×900 every default column shows, Region included, and the open pane leaves five useful ones", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const events = new EventsPage(page);
  await events.open(`region=${prod.region}&range=24h`);
  await expect(events.rows.first()).toBeVisible({ timeout: 30_000 });

  // Region's header lies wholly inside the grid's box, with nothing to scroll sideways.
  const region = events.grid.getByRole("columnheader", { name: /^Region/ });
  const [gridBox, regionBox] = await Promise.all([
    events.grid.boundingBox(),
    region.boundingBox(),
  ]);
  const gridLeft = gridBox?.x ?? Number.NaN;
  const gridRight = gridLeft + (gridBox?.width ?? Number.NaN);
  const regionLeft = regionBox?.x ?? Number.NaN;
  const regionRight = regionLeft + (regionBox?.width ?? Number.NaN);
  expect(regionLeft).toBeGreaterThanOrEqual(gridLeft);
  expect(regionRight).toBeLessThanOrEqual(gridRight + 0.5);
  const overflow = await events.grid.evaluate(
    (el) => el.scrollWidth - el.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await fullyVisibleHeaders(events)).toEqual([
    "Details",
    "Event time",
    "Event name",
    "User",
    "Service",
    "Result",
    "Resource",
    "Source IP",
    "Read/write",
    "Region",
  ]);

  // The time with its offset is never cut by the narrower column.
  const timeCut = await events.rows
    .first()
    .locator("[role=gridcell]:has(> time)")
    .evaluate((cell) => cell.scrollWidth - cell.clientWidth);
  expect(timeCut).toBeLessThanOrEqual(0);

  // With the pane open at its default width: time, name, user, resource or service, and result.
  await events.openEvent(events.rows.first());
  const shown = await fullyVisibleHeaders(events);
  expect(shown.filter((h) => h !== "Details").length).toBeGreaterThanOrEqual(5);
  expect(shown).toEqual(
    expect.arrayContaining(["Event time", "Event name", "User", "Result"]),
  );
  expect(shown.some((h) => h === "Service" || h === "Resource")).toBe(true);
});
