import type { Locator, Page } from "@playwright/test";
import { expect, openConsole, test } from "./fixtures";

/**
 * Every screen at the three sizes people use: a laptop (1440×900), a small
 * window or tablet (1024×768) and a phone (390×844). The page never scrolls
 * sideways, and every control of the header can be reached: in one row at
 * 1440, through the Menu button below that.
 */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

const SCREENS = [
  { path: "/events", heading: "Events", region: true },
  { path: "/trails", heading: "Trails", region: true },
  { path: "/insights", heading: "Insights", region: true },
  { path: "/investigate", heading: "Investigate", region: false },
  { path: "/settings", heading: "Settings", region: false },
] as const;

/** The header's controls a screen must offer (the region only where it applies). */
function headerControls(page: Page, region: boolean): Locator[] {
  const header = page.getByRole("banner");
  const controls = [
    page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings", exact: true }),
    header.getByRole("combobox", { name: "Language" }),
    header.getByRole("combobox", { name: "Signed in as" }),
    header.getByRole("button", { name: /Switch to (dark|light) theme/ }),
  ];
  return region
    ? [...controls, header.getByRole("combobox", { name: "Region" })]
    : controls;
}

/** Each control is on screen, inside the viewport's width. */
async function expectReachable(page: Page, controls: Locator[]) {
  const width = page.viewportSize()!.width;
  for (const control of controls) {
    await expect(control).toBeInViewport();
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
}

/** How far the page itself scrolls sideways (0 when it cannot). */
const pageOverflow = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );

async function openScreen(page: Page, screen: (typeof SCREENS)[number]) {
  await openConsole(page, `${screen.path}?mock-latency=0-0`);
  await expect(
    page.getByRole("heading", { level: 1, name: screen.heading }),
  ).toBeVisible({ timeout: 30_000 });
}

const [WIDE, ...NARROW] = VIEWPORTS;

test(`at ${WIDE.width}×${WIDE.height} the header is one row with every control, and no screen scrolls sideways`, async ({
  page,
}, testInfo) => {
  await page.setViewportSize(WIDE);
  for (const screen of SCREENS) {
    await openScreen(page, screen);
    const header = page.getByRole("banner");
    await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
    // One row: the header is no taller than its tallest control.
    expect((await header.boundingBox())!.height).toBeLessThan(60);
    await expectReachable(page, headerControls(page, screen.region));
    expect(await pageOverflow(page), screen.path).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: testInfo.outputPath(`${screen.path.slice(1)}-${WIDE.width}.png`),
    });
  }
});

for (const viewport of NARROW) {
  test(`at ${viewport.width}×${viewport.height} the header folds into a menu that reaches every control, and no screen scrolls sideways`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    for (const screen of SCREENS) {
      await openScreen(page, screen);
      const menu = page.getByRole("banner").getByRole("button", {
        name: "Menu",
      });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expectReachable(page, headerControls(page, screen.region));
      expect(await pageOverflow(page), screen.path).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: testInfo.outputPath(
          `${screen.path.slice(1)}-${viewport.width}-menu.png`,
        ),
      });
      // Escape folds the menu and gives focus back to its button.
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();
      expect(await pageOverflow(page), screen.path).toBeLessThanOrEqual(0);
    }
  });
}

test("on a phone, following a link in the menu opens the screen and folds the menu", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openConsole(page, "/events?mock-latency=0-0");
  const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
  await menu.click();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Trails", exact: true })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Trails" }),
  ).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});
