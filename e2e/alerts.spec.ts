import { expect, test } from "./fixtures";
import { MOCK } from "./pages/trails";

/**
 * A new user's first alert: a rule made from a starter, an incident set off
 * from Settings, and the firing in the header's notification centre with
 * its event. The scheduler runs on the page's clock (page.clock), never a
 * fixed sleep.
 */
test("an admin makes a rule from a starter, stops a trail from Settings, and finds the firing with its event in the notification centre", async ({
  page,
}) => {
  await page.goto(`/alerts?${MOCK}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Alerts" }),
  ).toBeVisible();
  await expect(page.getByText("No alert rules yet")).toBeVisible();
  await page
    .getByRole("combobox", { name: "Starter rule" })
    .selectOption({ label: "A trail stopped or deleted" });
  await page.getByRole("button", { name: "Create rule" }).click();
  const editor = page.getByRole("dialog", { name: "New alert rule" });
  await editor
    .getByRole("combobox", { name: "Runs every" })
    .selectOption({ label: "5 minutes" });
  await editor.getByRole("button", { name: "Save rule" }).click();
  await expect(editor).toBeHidden();

  const rule = page.getByRole("article", {
    name: /A trail stopped or deleted/,
  });
  // It runs at once: nothing has stopped in the last 30 minutes.
  await expect(rule.getByText("Below the threshold")).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Settings" })
    .click();
  await page.getByRole("button", { name: "Simulate: stop a trail" }).click();
  await expect(
    page.getByText(/StopLogging on .+ was recorded just now/),
  ).toBeVisible();
  // Within a minute of the page's clock, the rule has run and fired.
  await page.clock.runFor(60_000);
  const bell = page.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();

  await bell.click();
  const centre = page.getByRole("dialog", { name: "Notifications" });
  const unread = centre.getByRole("group", { name: "Unread" });
  await expect(
    unread.getByRole("heading", { name: "A trail stopped or deleted" }),
  ).toBeVisible();
  await expect(unread.getByText("svc-backup-sync")).toBeVisible();
  await centre.getByRole("button", { name: "Mark read" }).click();
  await expect(centre.getByRole("group", { name: "Read" })).toBeVisible();

  // The event opens in the event search.
  await centre
    .getByRole("list", { name: "Events of this firing" })
    .getByRole("link", { name: "StopLogging" })
    .click();
  await expect(page).toHaveURL(/\/events\?.*event=/);
  await expect(
    page.getByRole("button", { name: "Notifications" }),
  ).toBeVisible();

  // The rule's next scheduled run comes 5 minutes after this one, quietly.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Alerts" })
    .click();
  await page.clock.runFor(5 * 60_000);
  await expect(
    rule.getByText("Matched, kept quiet (quiet period)"),
  ).toBeVisible();
});

test("管理员用中文从预置规则创建告警，在设置中模拟停止跟踪，并在通知中心看到告警及其事件", async ({
  page,
}) => {
  await page.goto(`/alerts?${MOCK}`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(
    page.getByRole("heading", { level: 1, name: "告警" }),
  ).toBeVisible();
  await page
    .getByRole("combobox", { name: "预置规则" })
    .selectOption({ label: "跟踪被停止或删除" });
  await page.getByRole("button", { name: "创建规则" }).click();
  const editor = page.getByRole("dialog", { name: "新建告警规则" });
  await editor.getByRole("button", { name: "保存规则" }).click();
  const rule = page.getByRole("article", { name: /跟踪被停止或删除/ });
  await expect(rule.getByText("未达到阈值")).toBeVisible();

  await page
    .getByRole("navigation", { name: "主导航" })
    .getByRole("link", { name: "设置" })
    .click();
  await page.getByRole("button", { name: "模拟：停止一个跟踪" }).click();
  await page.clock.runFor(60_000);
  await page.getByRole("button", { name: "通知，1 条未读" }).click();
  const centre = page.getByRole("dialog", { name: "通知" });
  const unread = centre.getByRole("group", { name: "未读" });
  await expect(
    unread.getByRole("heading", { name: "跟踪被停止或删除" }),
  ).toBeVisible();
  await expect(
    unread
      .getByRole("list", { name: "本次告警的事件" })
      .getByRole("link", { name: "StopLogging" }),
  ).toBeVisible();
});
