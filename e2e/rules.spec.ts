import { expectAccessible } from "./axe";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

const MOCK = "mock-latency=0-0";
const RULE = `title: Describe calls of any service
detection:
  sel:
    eventName|startswith: Describe
  condition: sel
level: low
`;
const PACK_TITLE = "OSS bucket made public by its ACL";
const PACK_TITLE_ZH = "OSS Bucket 的 ACL 被设为公开";

test("a security analyst adds a rule, sees its hits, switches a pack rule off, exports the enabled rules and opens Coverage", async ({
  page,
}) => {
  await page.goto(`/insights/rules?region=cn-hangzhou&${MOCK}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "Detection rules" }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /^Hits counted on [\d,]+ events of cn-hangzhou/ }),
  ).toBeVisible({ timeout: 45_000 });
  await expectAccessible(page, "the Rules view");

  await page.getByRole("textbox", { name: /^Sigma rules/ }).fill(RULE);
  await page.getByRole("button", { name: "Add rules" }).click();
  await expect(
    page.getByRole("list", { name: "Rules just added" }),
  ).toContainText(
    /Added “Describe calls of any service”: [1-9][\d,]* matching events/,
  );

  const filters = page.getByRole("group", { name: "Filter rules" });
  await filters
    .getByRole("searchbox", { name: "Search" })
    .fill("public by its ACL");
  const toggle = page.getByRole("switch", { name: `Use ${PACK_TITLE}` });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all enabled rules" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("trailscope-enabled-rules.yml");
  const text = await readFile(await download.path(), "utf8");
  expect(text).toContain("title: Describe calls of any service");
  expect(text).toContain("title: ActionTrail trail deleted");
  expect(text).not.toContain(`title: ${PACK_TITLE}`);
  expect(text.split(/^---$/m).length).toBeGreaterThan(40);

  await page.reload();
  await filters
    .getByRole("searchbox", { name: "Search" })
    .fill("public by its ACL");
  await expect(toggle).toHaveAttribute("aria-checked", "false");

  await page.goto(`/insights/coverage?region=cn-hangzhou&${MOCK}`);
  const table = page.getByRole("table", { name: /^Tactics and techniques/ });
  await expect(table).toBeVisible();
  await expect(
    table.getByRole("rowheader", { name: "TA0040 Impact" }),
  ).toBeVisible();
  await expect(table.getByText("Gap").first()).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /^Hits counted on/ }),
  ).toBeVisible({ timeout: 45_000 });
  await expectAccessible(page, "the Coverage view");
});

test("在页头切换到中文后，分析人员用中文名称添加规则、关闭内置规则并查看 ATT&CK 覆盖", async ({
  page,
}) => {
  await page.goto(`/insights/rules?region=cn-hangzhou&${MOCK}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "Detection rules" }),
  ).toBeVisible();
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(
    page.getByRole("heading", { level: 2, name: "检测规则" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /^命中数基于 cn-hangzhou 的/ }),
  ).toBeVisible({ timeout: 45_000 });

  await page.getByRole("textbox", { name: /^Sigma 规则/ }).fill(RULE);
  await page.getByRole("button", { name: "添加规则" }).click();
  await expect(page.getByRole("list", { name: "刚添加的规则" })).toContainText(
    /已添加“Describe calls of any service”：命中 [1-9][\d,]* 个事件/,
  );
  const toggle = page.getByRole("switch", { name: `启用“${PACK_TITLE_ZH}”` });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expectAccessible(page, "the Rules view in Chinese");

  await page.goto(`/insights/coverage?region=cn-hangzhou&${MOCK}`);
  await expect(
    page.getByRole("heading", { level: 2, name: "ATT&CK 覆盖" }),
  ).toBeVisible();
  const table = page.getByRole("table", {
    name: "战术和技术，及其在事件中的命中数",
  });
  await expect(
    table.getByRole("columnheader", { name: "命中数" }),
  ).toBeVisible();
  await expect(table.getByText("未覆盖").first()).toBeVisible();
  await expectAccessible(page, "the Coverage view in Chinese");
});
