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
