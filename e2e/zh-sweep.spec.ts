import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The whole console in Chinese: every screen's own words (headings, labels,
 * buttons, notes, empty states, errors) are Chinese. Event data is evidence
 * and stays as ActionTrail sent it, so it is left out of the check: table
 * cells, code, JSON trees and text marked `data-event-value` (SafeText).
 */

const FAST = "mock-latency=0-0&mock-scale=0.1";

/**
 * English that belongs in a Chinese console. Abbreviations in capitals (OSS,
 * RAM, SLS, MFA, ECS, SQL, JSON, CSV, UTC, API, KMS, VPC, ATT&CK…) are written
 * so in Chinese too and pass as a class; identifiers (API names in CamelCase
 * such as CreateTrail, ids and values with digits or separators such as
 * cn-hangzhou, Force=true, oss://bucket) are evidence and pass too. What is
 * left to allow is short:
 */
const ALLOWED = new Set([
  // Alibaba Cloud's and other products' names, untranslated in their Chinese consoles.
  "ActionTrail",
  "AccessKey",
  "MaxCompute",
  "Logstore",
  "Bucket",
  "Project",
  "Sigma",
  "Kubernetes",
  "Redis",
  "Sas",
  "Web",
  "DuckDB",
  "Trailscope",
  // ActionTrail's status values and policy words, quoted as the service writes them.
  "Enable",
  "Disable",
  "Fresh",
  "Read",
  "Write",
  "Principal",
  "Action",
  "root",
  "optional",
  "true",
  "false",
  // API action prefixes, as in "Describe, List or Get calls".
  "Describe",
  "List",
  "Get",
  // Keys as printed on the keyboard, a file format, and the language switch's
  // English, which names itself.
  "Ctrl",
  "Alt",
  "Command",
  "Shift",
  "Esc",
  "Enter",
  "gzip",
  "English",
]);

/** Names of several words: a format's name as its specification spells it. */
const ALLOWED_PHRASES = [
  /\bJSON Lines\b/g,
  /\bBucket Policy\b/g,
  // The query screen's SQL table, named as SQL names it.
  /\bevents(?= 表)/g,
];

/** Identifiers and abbreviations, not words: CamelCase, digits, separators, capitals. */
const isIdentifier = (word: string): boolean =>
  /[0-9_./:@=&-]/.test(word) ||
  /^[A-Z]?[a-z]+[A-Z]/.test(word) ||
  /^[A-Z]{2,}$/.test(word);

/** Words of three or more Latin letters in the page's own text, with where they were. */
async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = [
      "[data-event-value]",
      "[role=gridcell]",
      "[role=cell]",
      "td",
      "code",
      "pre",
      "kbd",
      "samp",
      "script",
      "style",
      "svg",
      "textarea",
      "[class^=json-]",
      "[class*=' json-']",
      ".visually-hidden-value",
    ].join(", ");
    const found: string[] = [];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      if (!/[A-Za-z]{3}/.test(text)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const box = parent.closest("option, optgroup")
        ? parent.closest("select")
        : parent;
      if (!box?.checkVisibility({ visibilityProperty: true })) continue;
      found.push(text);
    }
    return found;
  });
  const leaks = new Set<string>();
  for (const written of texts) {
    const text = ALLOWED_PHRASES.reduce((t, p) => t.replace(p, ""), written);
    // Tokens as written: a word with its digits and separators stays one token.
    for (const token of text.split(
      /[\s,;；()（）：，。、“”"'`·…%《》|[\]{}<>+*!?]+/u,
    )) {
      if (!token || isIdentifier(token)) continue;
      for (const word of token.match(/[A-Za-z]{3,}/g) ?? []) {
        if (ALLOWED.has(word)) continue;
        leaks.add(`${word} in "${written.slice(0, 80)}"`);
      }
    }
  }
  return [...leaks];
}

async function expectChinese(page: Page, screen: string): Promise<void> {
  expect.soft(await englishWords(page), `${screen}: English words`).toEqual([]);
}

const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole("heading", { level: 1, name });

/** Nothing is loading or being read any more ("加载…", "正在读取事件并运行规则…"). */
const settled = async (page: Page) =>
  expect(
    page.getByRole("status").filter({ hasText: /^(加载|正在)/ }),
  ).toHaveCount(0, { timeout: 90_000 });

test.describe("全中文巡查", () => {
  test.describe.configure({ timeout: 240_000 });
  test.use({ viewport: { width: 1440, height: 900 } });

  test("每个界面自己的文字都是中文，事件数据保持原样", async ({ page }) => {
    await page.goto(`/events?region=cn-hangzhou&range=24h&${FAST}`);
    await page
      .getByRole("combobox", { name: "Language" })
      .selectOption("zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    // Events with results and an event open.
    await expect(h1(page, "事件")).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: /已加载 [\d,]+ 个/ }),
    ).toBeVisible({ timeout: 30_000 });
    const grid = page.getByRole("grid", { name: "事件" });
    await grid.getByRole("row").nth(1).locator(".open-event").click();
    await expect(page.locator("section.event-pane h2")).toBeFocused();
    await expectChinese(page, "events with the event pane");

    await page.goto(`/trails?region=cn-hangzhou&${FAST}`);
    await expect(h1(page, "跟踪")).toBeVisible();
    await settled(page);
    await expectChinese(page, "trails");

    await page.goto(`/trails/new?region=cn-hangzhou&${FAST}`);
    const step = page.getByRole("heading", { level: 2, name: /^第 \d 步/ });
    await expect(step).toHaveText("第 1 步，共 3 步：基本设置");
    await expectChinese(page, "wizard step 1");
    await page.getByRole("textbox", { name: "跟踪名称" }).fill("zh-sweep");
    await page.getByRole("radio", { name: /^所有事件/ }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(step).toHaveText("第 2 步，共 3 步：投递");
    await page.getByRole("checkbox", { name: /^对象存储 OSS/ }).check();
    await page
      .getByRole("combobox", { name: "Bucket", exact: true })
      .selectOption("prod-audit-archive-hz");
    await expectChinese(page, "wizard step 2");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(step).toHaveText("第 3 步，共 3 步：预览并创建");
    await expectChinese(page, "wizard step 3");

    await page.goto(`/trails/org-audit-all?region=cn-hangzhou&${FAST}`);
    await expect(h1(page, "跟踪 org-audit-all")).toBeVisible();
    await settled(page);
    await expectChinese(page, "a trail's page");

    await page.goto(`/insights?region=cn-hangzhou&${FAST}`);
    await expect(h1(page, "洞察")).toBeVisible();
    await settled(page);
    await expectChinese(page, "insights overview");

    for (const [path, screen] of [
      ["/insights/findings", "findings"],
      ["/insights/fields", "fields"],
      ["/insights/rules", "rules"],
      ["/insights/coverage", "coverage"],
    ] as const) {
      await page.goto(`${path}?region=cn-hangzhou&${FAST}`);
      await expect(h1(page, "洞察")).toBeVisible();
      await settled(page);
      await expectChinese(page, `insights ${screen}`);
    }

    await page.goto(
      `/investigate/identity?kind=user&value=wang.fang&range=7d&region=cn-hangzhou&${FAST}`,
    );
    await expect(h1(page, "用户 wang.fang")).toBeVisible();
    await settled(page);
    await expectChinese(page, "an identity");

    await page.goto(`/investigate/cases?${FAST}`);
    await expect(h1(page, "调查案例")).toBeVisible();
    await expectChinese(page, "cases");

    for (const [path, heading] of [
      ["/archives", "归档"],
      ["/alerts", "告警"],
      ["/query", "查询"],
      ["/settings", "设置"],
    ] as const) {
      await page.goto(`${path}?region=cn-hangzhou&${FAST}`);
      await expect(h1(page, heading)).toBeVisible();
      await settled(page);
      await expectChinese(page, path);
    }
  });
});
