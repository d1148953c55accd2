import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { MOCK } from "./pages/trails";

// The same journey as an English-speaking admin's, found by the Chinese
// accessible names: the header's switch turns the console to 中文.
test("在页头切换到中文后，管理员用中文名称走完创建跟踪向导", async ({
  page,
}) => {
  await page.goto(`/trails?region=cn-hangzhou&${MOCK}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Trails" }),
  ).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");

  await expect(
    page.getByRole("heading", { level: 1, name: "跟踪" }),
  ).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const region = page.getByRole("combobox", { name: "地域" });
  await expect(region.locator("option:checked")).toHaveText(
    "华东1（杭州） · cn-hangzhou",
  );
  await expect(
    page.getByText("本地域（cn-hangzhou）已有 2 个跟踪，上限 5 个"),
  ).toBeVisible();

  await page.getByRole("button", { name: "创建跟踪" }).click();
  const step = page.getByRole("heading", { level: 2, name: /^第 \d 步/ });
  await expect(step).toHaveText("第 1 步，共 3 步：基本设置");
  await page.getByRole("textbox", { name: "跟踪名称" }).fill("hz-zh-audit");
  await page.getByRole("radio", { name: /^所有事件/ }).check();
  await page.getByRole("button", { name: "下一步" }).click();

  await expect(step).toHaveText("第 2 步，共 3 步：投递");
  await page.getByRole("button", { name: "下一步" }).click();
  // Nothing chosen: the error speaks Chinese and takes the focus.
  await expect(
    page.getByText(
      "请至少选择一个投递目标：对象存储 OSS、日志服务 SLS 或 MaxCompute。",
    ),
  ).toBeVisible();
  await page.getByRole("checkbox", { name: /^对象存储 OSS/ }).check();
  await page
    .getByRole("combobox", { name: "Bucket", exact: true })
    .selectOption("prod-audit-archive-hz");
  await page.getByRole("button", { name: "下一步" }).click();

  await expect(step).toHaveText("第 3 步，共 3 步：预览并创建");
  await expect(page.getByLabel("CreateTrail 请求参数")).toContainText(
    "Name=hz-zh-audit",
  );
  await expect(
    page.getByRole("checkbox", { name: "创建跟踪后立即开启日志记录" }),
  ).toBeChecked();
  await page.getByRole("button", { name: "创建", exact: true }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: "跟踪 hz-zh-audit" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "已开启日志记录。" }),
  ).toBeVisible();
  const status = page.getByRole("region", { name: "日志记录与投递" });
  await expect(status.getByText("开启", { exact: true })).toBeVisible();
  const ossDelivery = status
    .locator("dt", { hasText: "最近一次投递到 OSS" })
    .locator("+ dd");
  await expect(ossDelivery).toContainText("尚无");
  await page.clock.runFor(6 * 60_000);
  await status.getByRole("button", { name: "刷新" }).click();
  await expect(ossDelivery).toHaveText(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d$/,
  );

  // Remembered: a reload stays in Chinese.
  await page.reload();
  await expect(
    page.getByRole("heading", { level: 1, name: "跟踪 hz-zh-audit" }),
  ).toBeVisible();
});

test("中文的跟踪列表、向导和设置页面没有严重或危急的无障碍问题", async ({
  page,
}) => {
  await page.goto(`/trails?region=cn-hangzhou&${MOCK}`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  const screens: [string, string][] = [
    [`/trails?region=cn-hangzhou&${MOCK}`, "跟踪"],
    [`/trails/new?region=cn-hangzhou&${MOCK}`, "在 cn-hangzhou 创建跟踪"],
    [`/settings?${MOCK}`, "设置"],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(
      page.getByRole("heading", { level: 1, name: heading }),
    ).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const blocking = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
      );
    expect(blocking, `${heading}: no serious or critical violations`).toEqual(
      [],
    );
  }
});

test("服务拒绝同名跟踪时，向导用中文解释并回到名称字段，操作审计的错误码保持原样", async ({
  page,
}) => {
  await page.goto(`/trails/new?region=cn-hangzhou&${MOCK}`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  const name = page.getByRole("textbox", { name: "跟踪名称" });
  // A trail of this name lives in cn-shanghai: names are unique in the account.
  await name.fill("ops-shanghai-trail");
  await page.getByRole("radio", { name: /^所有事件/ }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("checkbox", { name: /^对象存储 OSS/ }).check();
  await page
    .getByRole("combobox", { name: "Bucket", exact: true })
    .selectOption("web-static-assets-hz");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "创建", exact: true }).click();

  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription(
    /账号中已存在同名跟踪（可能在其他地域）。请换一个名称。/,
  );
  await expect(page.getByRole("alert").first()).toContainText(
    "TrailAlreadyExistsException",
  );
});
