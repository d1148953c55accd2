import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { MOCK } from "./pages/trails";

/**
 * The Chinese screenshots of docs/ (linked from docs/i18n.md and the README).
 * Run normally, these are journeys that check what the pictures show; with
 * SCREENSHOTS=1 (`npm run screenshots`) they also write docs/*-zh-CN.png.
 */
const write = process.env.SCREENSHOTS === "1";
const capture = async (page: Page, name: string): Promise<void> => {
  if (write) await page.screenshot({ path: `docs/${name}` });
};

test.use({ viewport: { width: 1440, height: 900 } });

test("事件页面（中文，已加载结果）", async ({ page }) => {
  await page.goto("/events?region=cn-hangzhou&range=24h&mock-latency=0-0");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(
    page.getByRole("heading", { level: 1, name: "事件" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /已加载 [\d,]+ 个/ }),
  ).toBeVisible({ timeout: 30_000 });
  const grid = page.getByRole("grid", { name: "事件" });
  await expect(grid.getByRole("row").nth(10)).toBeVisible();
  await expect(grid.locator("time").first()).toContainText("UTC+08:00");
  await capture(page, "events-zh-CN.png");
});

test("创建跟踪向导（中文）", async ({ page }) => {
  await page.goto(`/trails/new?region=cn-hangzhou&${MOCK}`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(
    page.getByRole("heading", { level: 1, name: "在 cn-hangzhou 创建跟踪" }),
  ).toBeVisible();
  await page.getByRole("textbox", { name: "跟踪名称" }).fill("hz-zh-audit");
  await page.getByRole("radio", { name: /^所有事件/ }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: /^第 \d 步/ }),
  ).toHaveText("第 2 步，共 3 步：投递");
  await page.getByRole("checkbox", { name: /^对象存储 OSS/ }).check();
  await expect(
    page.getByRole("combobox", { name: "Bucket", exact: true }),
  ).toBeVisible();
  await capture(page, "wizard-zh-CN.png");
});

/**
 * The events page at a desktop, a small laptop and a phone width (README,
 * "Screens"): docs/events-1440.png with the View event pane open beside the
 * results, docs/events-1024.png and docs/events-390.png with the results.
 */
async function openEventsLoaded(page: Page): Promise<Locator> {
  await page.goto("/events?region=cn-hangzhou&range=24h&mock-latency=0-0");
  await expect(
    page.getByRole("heading", { level: 1, name: "Events" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /[\d,]+ loaded/ }),
  ).toBeVisible({ timeout: 30_000 });
  const rows = page
    .getByRole("grid", { name: "Events" })
    .getByRole("rowgroup")
    .nth(1)
    .getByRole("row");
  await expect(rows.nth(5)).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Keyboard shortcuts" }),
  ).toBeVisible();
  return rows;
}

const scrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test("the events page at 1440 px, an event open beside the results", async ({
  page,
}) => {
  const rows = await openEventsLoaded(page);
  await rows.nth(1).focus();
  await page.keyboard.press("o");
  await expect(
    page.getByRole("separator", { name: "Resize the event pane" }),
  ).toBeVisible();
  const heading = page.locator("section.event-pane h2");
  await expect(heading).toBeFocused();
  // The picture shows the pane, not the focus ring of its heading.
  await heading.blur();
  expect(await scrollsSideways(page)).toBe(false);
  await capture(page, "events-1440.png");
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test.describe(`events at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test(`the events page at ${viewport.width} px`, async ({ page }) => {
      await openEventsLoaded(page);
      expect(await scrollsSideways(page)).toBe(false);
      await capture(page, `events-${viewport.width}.png`);
    });
  });
}
