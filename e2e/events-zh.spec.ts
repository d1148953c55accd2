import { expectAccessible } from "./axe";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PROD = "/events?region=cn-hangzhou&f=ResourceName:i-bp1prodweb01ab9xz";
const FAST = "mock-latency=0-0";

async function toChinese(page: Page, path: string) {
  await page.goto(`${path}${path.includes("?") ? "&" : "?"}${FAST}`);
  // Below 1100 px the header's controls are in its menu.
  await expect(page.getByRole("banner")).toBeVisible();
  const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
  if ((page.viewportSize()?.width ?? 1440) < 1100) await menu.click();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

/** Labels, buttons and column headers whose text is cut off (wider than their box). */
async function clippedLabels(page: Page): Promise<string[]> {
  return page
    .locator(
      [
        ".events-page button:visible",
        ".events-page label:visible",
        ".events-page summary:visible",
        ".events-page [role=columnheader]:visible",
        // Times with their offset are never cut.
        ".events-page [role=gridcell]:has(> time):visible",
      ].join(", "),
    )
    .evaluateAll((elements) =>
      elements
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 ||
            el.scrollHeight > el.clientHeight + 1,
        )
        .filter((el) => !el.closest(".visually-hidden"))
        .filter((el) => getComputedStyle(el).overflow !== "visible")
        .map((el) => `${el.tagName} "${el.textContent?.trim() ?? ""}"`),
    );
}

test("审计员用中文查询事件、阅读事件详情面板，复制的链接带有时区", async ({
  page,
}) => {
  await toChinese(page, PROD);
  await expect(
    page.getByRole("heading", { level: 1, name: "事件" }),
  ).toBeVisible();
  const search = page.getByRole("search", { name: "事件查询" });
  await expect(search.getByRole("combobox", { name: "时间范围" })).toHaveValue(
    "7d",
  );
  await expect(page.getByRole("list", { name: "条件" })).toContainText(
    "资源名称 = i-bp1prodweb01ab9xz",
  );
  await expect(
    page.getByRole("status").filter({ hasText: /已加载 \d+ 个/ }),
  ).toBeVisible({ timeout: 30_000 });
  const grid = page.getByRole("grid", { name: "事件" });
  await expect(
    grid.getByRole("columnheader", { name: "事件时间" }),
  ).toBeVisible();
  // Each time carries its zone: the browser's (Beijing in this run).
  await expect(grid.locator("time").first()).toContainText("UTC+08:00");

  const row = grid.getByRole("row").filter({ hasText: "StopInstance" }).first();
  await row.locator(".open-event").click();
  const pane = page.getByRole("region", { name: "StopInstance" });
  await expect(
    pane.getByRole("heading", { level: 2, name: "StopInstance" }),
  ).toBeFocused();
  await expect(
    pane.getByRole("heading", { level: 3, name: "请求参数" }),
  ).toBeVisible();
  await expect(
    pane.getByRole("heading", { level: 3, name: "前后事件（±15 分钟）" }),
  ).toBeVisible();
  await expect(pane.locator("dl.event-facts")).toContainText("操作者");
  await expect(pane.locator("dl.event-facts time")).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\+08:00$/,
  );

  await pane.getByRole("button", { name: "复制此事件的链接" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/[?&]tz=browser%3AAsia%2FShanghai(&|$)/);
  await pane.getByRole("button", { name: "关闭事件详情" }).click();
  await expect(pane).toBeHidden();
  // Focus returns to where the pane was opened from.
  await expect(row.locator(".open-event")).toBeFocused();
});

for (const width of [1440, 1024]) {
  test(`中文按钮、标签和表头在 ${width} 像素宽时不被截断`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await toChinese(page, PROD);
    await expect(
      page.getByRole("status").filter({ hasText: /已加载/ }),
    ).toBeVisible({ timeout: 30_000 });
    await page.getByText("列", { exact: true }).click();
    expect(await clippedLabels(page)).toEqual([]);
    await page.getByRole("combobox", { name: "语言" }).selectOption("en-US");
    await expect(
      page.getByRole("heading", { level: 1, name: "Events" }),
    ).toBeVisible();
    expect(await clippedLabels(page)).toEqual([]);
  });
}

test("设置：语言、时区和自己的事件都说中文，所选时区显示在每个时间旁", async ({
  page,
}) => {
  await toChinese(page, "/settings");
  await expect(
    page.getByRole("heading", { level: 1, name: "设置" }),
  ).toBeVisible();
  await expect(page.getByRole("combobox", { name: "语言" })).toHaveValue(
    "zh-CN",
  );
  await page
    .getByRole("group", { name: "时间显示为" })
    .getByRole("radio", { name: "UTC（与操作审计的存储一致）" })
    .check();
  await expect(
    page.getByRole("heading", { level: 3, name: "您自己的事件" }),
  ).toBeVisible();
  await expect(page.getByLabel("事件文件")).toBeVisible();
  await expectAccessible(page, "设置");

  await page.goto(`${PROD}&${FAST}`);
  const grid = page.getByRole("grid", { name: "事件" });
  await expect(grid.locator("time").first()).toContainText("UTC", {
    timeout: 30_000,
  });
  await expect(grid.locator("time").first()).not.toContainText("+08:00");
});

test.describe("in a browser in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("a range across the end of daylight saving labels each end with its own offset, and a shared link keeps the sender's zone for a receiver who prefers Beijing time", async ({
    page,
  }) => {
    // New York left UTC-04:00 for UTC-05:00 at 06:00 UTC on 1 November 2026.
    const range = "from=2026-10-31T12:00:00Z&to=2026-11-02T12:00:00Z";
    await toChinese(page, `/events?region=cn-hangzhou&${range}`);
    const header = page.locator(".events-header p");
    await expect(header).toContainText(
      "2026-10-31 08:00:00 UTC-04:00 – 2026-11-02 07:00:00 UTC-05:00",
    );
    await expect(page.locator(".search-scope")).toContainText(
      "2026-10-31 08:00:00 UTC-04:00 – 2026-11-02 07:00:00 UTC-05:00",
      { timeout: 30_000 },
    );

    await page.getByRole("button", { name: "复制此查询的链接" }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/[?&]tz=browser%3AAmerica%2FNew_York(&|$)/);
    const link = await page.evaluate(() => navigator.clipboard.readText());

    // The receiver prefers Beijing time: the link's zone wins for this view, with a note.
    await page.goto(`/settings?${FAST}`);
    const zones = page.getByRole("group", { name: "时间显示为" });
    await zones.getByRole("radio", { name: "北京时间（UTC+8）" }).check();
    await page.goto(`${link}&${FAST}`);
    const note = page.getByRole("note").filter({ hasText: "共享链接" });
    // Sender and receiver share this browser: the note names its zone.
    await expect(note).toContainText("America/New_York");
    await expect(note).toContainText("北京时间（UTC+8）");
    await expect(header).toContainText("UTC-04:00 – 2026-11-02");
    await note.getByRole("button", { name: "按我自己的时区显示" }).click();
    await expect(note).toBeHidden();
    await expect(header).toContainText(
      "2026-10-31 20:00:00 UTC+08:00 – 2026-11-02 20:00:00 UTC+08:00",
    );
    await page.goto(`/settings?${FAST}`);
    await expect(
      zones.getByRole("radio", { name: "北京时间（UTC+8）" }),
    ).toBeChecked();
  });
});
