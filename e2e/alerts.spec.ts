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

  // A minute after opening, the console has looked at every trail's delivery.
  await page.clock.runFor(60_000);
  await expect(
    page.getByRole("button", { name: /^Notifications, \d+ unread$/ }),
  ).toBeVisible();

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
  // The firing, and a trail whose bucket was deleted.
  const bell = page.getByRole("button", {
    name: /^Notifications, \d+ unread$/,
  });
  await expect(bell).toBeVisible();

  await bell.click();
  const centre = page.getByRole("dialog", { name: "Notifications" });
  const firing = centre.getByRole("group", { name: "Unread" }).filter({
    has: page.getByRole("heading", { name: "A trail stopped or deleted" }),
  });
  await expect(firing).toBeVisible();
  await expect(firing.getByText("svc-backup-sync")).toBeVisible();
  const failing = centre.getByRole("group", { name: "Unread" }).filter({
    has: page.getByRole("heading", { name: /failed to deliver$/ }),
  });
  await expect(
    failing.getByText("NoSuchBucket", { exact: true }),
  ).toBeVisible();
  await centre.getByRole("button", { name: "Mark all read" }).click();
  await expect(centre.getByRole("group", { name: "Unread" })).toHaveCount(0);

  // The event opens in the event search.
  await centre
    .getByRole("list", { name: "Events of this firing" })
    .getByRole("link", { name: "StopLogging" })
    .click();
  await expect(page).toHaveURL(/\/events\?.*event=/);
  await expect(
    page.getByRole("button", { name: "Notifications" }),
  ).toBeVisible();

  // The rule runs again on its 5-minute schedule, and keeps quiet.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Alerts" })
    .click();
  await page.clock.runFor(6 * 60_000);
  await expect(
    rule.getByText("Matched, kept quiet (quiet period)"),
  ).toBeVisible();
  // The next look at the trails finds the stopped one.
  await page.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await expect(
    page
      .getByRole("dialog", { name: "Notifications" })
      .getByRole("group", { name: "Unread" })
      .getByRole("heading", { name: /^Trail .+ stopped logging$/ }),
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
  await page.getByRole("button", { name: /^通知，\d+ 条未读$/ }).click();
  const centre = page.getByRole("dialog", { name: "通知" });
  const firing = centre.getByRole("group", { name: "未读" }).filter({
    has: page.getByRole("heading", { name: "跟踪被停止或删除" }),
  });
  await expect(
    firing
      .getByRole("list", { name: "本次告警的事件" })
      .getByRole("link", { name: "StopLogging" }),
  ).toBeVisible();
});
