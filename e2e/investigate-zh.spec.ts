import { expectAccessible } from "./axe";
import { INCIDENTS } from "../mocks/data/incidents";
import { expect, test } from "./fixtures";

const prod = INCIDENTS.stoppedProdInstance;

test.describe("调查（中文）", () => {
  test.describe.configure({ timeout: 90_000 });

  test("从调查页打开一个身份，查看其活动，把事件固定到调查案例并打开案例", async ({
    page,
  }) => {
    await page.goto("/investigate?mock-latency=0-0");
    // At 1440 px the header shows its language switch (events-zh covers the menu).
    await expect(page.getByRole("banner")).toBeVisible();
    await page
      .getByRole("combobox", { name: "Language" })
      .selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(
      page.getByRole("heading", { level: 1, name: "调查" }),
    ).toBeVisible();

    // The identity, named in Chinese: a user, chosen rather than detected.
    await page
      .getByRole("searchbox", { name: "用户、角色、AccessKey、IP 地址或资源" })
      .fill(prod.userName);
    await page.getByRole("combobox", { name: "类型" }).selectOption("用户");
    await page.getByRole("button", { name: "调查", exact: true }).click();

    await expect(
      page.getByRole("heading", { level: 1, name: `用户 ${prod.userName}` }),
    ).toBeVisible();
    await expect(
      page
        .getByRole("combobox", { name: "时间范围" })
        .locator("option:checked"),
    ).toHaveText("最近 7 天");
    const timeline = page.getByRole("table", {
      name: /^其全部事件（最新在前）（[\d,]+）$/,
    });
    await expect(timeline).toBeVisible({ timeout: 45_000 });
    await expect(
      page.getByRole("heading", { level: 2, name: "概要" }),
    ).toBeVisible();
    await expect(
      timeline.getByRole("columnheader", {
        name: /^时间（UTC[+-]\d\d:\d\d）$/,
      }),
    ).toBeVisible();
    await expect(
      timeline.getByRole("columnheader", { name: "地域" }),
    ).toBeVisible();
    await expect(
      timeline.getByRole("cell", { name: prod.eventName }).first(),
    ).toBeVisible();
    await expectAccessible(page, "the Chinese identity page");

    // Pin the stop: the button's name says what and when, in Chinese.
    const pin = timeline
      .getByRole("button", { name: new RegExp(`^固定 ${prod.eventName}（`) })
      .first();
    await pin.click();
    const unpin = timeline
      .getByRole("button", {
        name: new RegExp(`^取消固定 ${prod.eventName}（`),
      })
      .first();
    await expect(unpin).toHaveAttribute("aria-pressed", "true");
    await expect(unpin).toHaveText("已固定");

    await page.getByRole("link", { name: /^打开案例 案例 / }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "调查案例" }),
    ).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 3, name: "已固定的事件（1）" }),
    ).toBeVisible();
    const pinned = page.getByRole("listitem").filter({
      hasText: prod.eventName,
    });
    await expect(pinned).toContainText(`操作者 ${prod.userName}`);
    await expect(pinned).toContainText(
      `发现于 用户 ${prod.userName}，最近 7 天`,
    );
    await expect(
      pinned.getByRole("button", {
        name: new RegExp(`^取消固定 ${prod.eventName}（`),
      }),
    ).toBeVisible();
    await expect(
      page.getByRole("textbox", { name: "备注" }).first(),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "导出案例" })).toBeEnabled();
    await expectAccessible(page, "the Chinese case page");
  });

  test("资源页用中文说明恢复方式，命令本身保持原样", async ({ page }) => {
    await page.goto(
      `/investigate/resource?name=${prod.instanceId}&mock-latency=0-0`,
    );
    await page
      .getByRole("combobox", { name: "Language" })
      .selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(
      page.getByRole("heading", { level: 1, name: `资源 ${prod.instanceId}` }),
    ).toBeVisible();
    const stop = page
      .getByRole("article", {
        name: new RegExp(`^${prod.eventName}，操作者 ${prod.userName}，时间 `),
      })
      .first();
    await expect(stop).toBeVisible({ timeout: 45_000 });
    await expect(
      stop.getByText(
        "建议的恢复方式（运行前请审核；Trailscope 不会自动运行）：",
      ),
    ).toBeVisible();
    await expect(
      stop.getByText("StartInstance 可撤销 StopInstance。"),
    ).toBeVisible();
    await expect(
      stop.getByText(
        `aliyun ecs StartInstance --region ${prod.region} --InstanceId ${prod.instanceId}`,
      ),
    ).toBeVisible();
    await expect(
      stop.getByRole("button", {
        name: /^复制 StopInstance 的建议命令：aliyun$/,
      }),
    ).toBeVisible();
  });
});
