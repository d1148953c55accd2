import { expectAccessible } from "./axe";
import type { Page } from "@playwright/test";
import { INCIDENTS } from "../mocks/data/incidents";
import { expect, test } from "./fixtures";

// A smaller simulated account: the incidents are added whatever the scale.
const FAST = "mock-latency=0-0&mock-scale=0.1";
const trail = INCIDENTS.trailDeleted;

async function toChinese(page: Page, path: string) {
  await page.goto(`${path}${path.includes("?") ? "&" : "?"}${FAST}`);
  await expect(page.getByRole("banner")).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
}

test.describe("洞察与设置（中文）", () => {
  test.describe.configure({ timeout: 150_000 });
  test.use({ viewport: { width: 1440, height: 900 } });

  test("安全分析员在中文概览中看到图表，在安全发现中读到中文检测标题并打开证据", async ({
    page,
  }) => {
    await toChinese(page, "/insights?region=cn-hangzhou");
    await expect(
      page.getByRole("heading", { level: 1, name: "洞察" }),
    ).toBeVisible();
    await expect(
      page.getByTestId("events-histogram").locator(".recharts-cartesian-grid"),
    ).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page, "the Chinese insights overview");

    await page.goto(`/insights/findings?region=cn-hangzhou&${FAST}`);
    const findings = page.getByRole("region", { name: "安全发现" });
    const title = `${trail.userName} 停止了跟踪 ${trail.trailName} 的日志记录`;
    const card = findings.getByRole("article").filter({ hasText: title });
    await expect(card).toBeVisible({ timeout: 90_000 });
    await card.getByText("证据", { exact: true }).click();
    const evidence = card.getByRole("region", { name: title });
    await expect(evidence).toBeVisible();
    // The evidence names the event as ActionTrail recorded it.
    await expect(evidence).toContainText("StopLogging");
    await expectAccessible(page, "Chinese findings with evidence open");
  });

  test("设置：主题、语言、时区和自己的数据都说中文，且无严重的无障碍问题", async ({
    page,
  }) => {
    await toChinese(page, "/settings");
    await expect(
      page.getByRole("heading", { level: 1, name: "设置" }),
    ).toBeVisible();
    const language = page.getByRole("group", { name: "语言" });
    await expect(
      language.getByRole("radio", { name: "中文（简体）" }),
    ).toBeChecked();
    await page
      .getByRole("group", { name: "主题" })
      .getByRole("radio", { name: "深色" })
      .check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page
      .getByRole("group", { name: "时间显示为" })
      .getByRole("radio", { name: "北京时间（UTC+8）" })
      .check();
    await expect(
      page.getByRole("heading", { level: 3, name: "您自己的事件" }),
    ).toBeVisible();
    await expect(page.getByLabel("事件文件")).toBeVisible();
    await expectAccessible(page, "Chinese settings, dark theme");

    await page
      .getByRole("group", { name: "主题" })
      .getByRole("radio", { name: "浅色" })
      .check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expectAccessible(page, "Chinese settings, light theme");
  });
});
