import { expectAccessible } from "./axe";
import { expect, openConsole, test } from "./fixtures";

const screens: [string, string, string][] = [
  ["event search", "/events?region=cn-hangzhou&mock-latency=0-0", "Events"],
  ["trails", "/trails?region=cn-hangzhou&mock-latency=0-0", "Trails"],
  ["insights", "/insights?region=cn-hangzhou&mock-latency=0-0", "Insights"],
  ["settings", "/settings?mock-latency=0-0", "Settings"],
  ["a missing page", "/no-such-page?mock-latency=0-0", "Page not found"],
];

for (const [name, path, heading] of screens) {
  test(`the ${name} screen is accessible in light and dark themes`, async ({
    page,
  }) => {
    await openConsole(page, path);
    await expect(
      page.getByRole("heading", { level: 1, name: heading }),
    ).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: /^Loading/ }),
    ).toHaveCount(0, { timeout: 45_000 });
    await expectAccessible(page, `${name} (light)`);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expectAccessible(page, `${name} (dark)`);
  });
}

test("the reset dialog is accessible and traps focus", async ({ page }) => {
  await openConsole(page, "/settings?mock-latency=0-0");
  await page.getByRole("button", { name: "Reset demo data…" }).click();
  const dialog = page.getByRole("dialog", {
    name: "Reset the simulated account?",
  });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "the reset dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole("button", { name: "Reset demo data…" }),
  ).toBeFocused();
});

test("the View event pane is accessible", async ({ page }) => {
  await openConsole(
    page,
    "/events?region=cn-hangzhou&f=ResourceName:i-bp1prodweb01ab9xz&mock-latency=0-0",
  );
  const row = page
    .getByRole("grid")
    .getByRole("row")
    .filter({ hasText: "StopInstance" })
    .first();
  await row.locator(".open-event").click();
  await expect(
    page.getByRole("heading", { level: 2, name: "StopInstance" }),
  ).toBeFocused();
  await expect(
    page.getByRole("status").filter({ hasText: /^Loading/ }),
  ).toHaveCount(0, { timeout: 30_000 });
  await expectAccessible(page, "the View event pane");
});

test("every step of the trail wizard is accessible", async ({ page }) => {
  await openConsole(page, "/trails/new?region=cn-hangzhou&mock-latency=0-0");
  const step = page.getByRole("heading", { level: 2, name: /^Step \d of 3/ });
  await expect(step).toHaveText("Step 1 of 3: Basics");
  await expectAccessible(page, "wizard step 1");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("textbox", { name: "Trail name" })).toBeFocused();
  await expectAccessible(page, "wizard step 1 with an error");
  await page.getByRole("textbox", { name: "Trail name" }).fill("a11y-trail");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(step).toContainText("Delivery");
  await page.getByRole("checkbox", { name: /OSS bucket/ }).check();
  await page
    .getByRole("combobox", { name: "Bucket" })
    .selectOption("ops-logs-hz");
  await expectAccessible(page, "wizard step 2");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(step).toContainText("Review and create");
  await expectAccessible(page, "wizard step 3");
});

test("the trail detail and its stop-logging confirmation are accessible", async ({
  page,
}) => {
  await openConsole(
    page,
    "/trails/org-audit-all?region=cn-hangzhou&mock-latency=0-0",
  );
  await expect(
    page.getByRole("heading", { level: 1, name: "Trail org-audit-all" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /^Loading/ }),
  ).toHaveCount(0, { timeout: 30_000 });
  await expectAccessible(page, "trail detail");
  await page.getByRole("button", { name: "Stop logging" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the stop-logging dialog");
});

test("the coverage map is accessible", async ({ page }) => {
  await openConsole(
    page,
    "/trails/coverage?region=cn-hangzhou&mock-latency=0-0",
  );
  await expect(
    page.getByRole("heading", { level: 1, name: "Trail coverage" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: /^Loading/ }),
  ).toHaveCount(0, { timeout: 30_000 });
  await expectAccessible(page, "the coverage map");
});

test("the Chinese events page, View event pane, trails, wizard and settings are accessible", async ({
  page,
}) => {
  await openConsole(
    page,
    "/events?region=cn-hangzhou&f=ResourceName:i-bp1prodweb01ab9xz&mock-latency=0-0",
  );
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(
    page.getByRole("status").filter({ hasText: /已加载/ }),
  ).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, "事件");
  await page
    .getByRole("grid", { name: "事件" })
    .getByRole("row")
    .filter({ hasText: "StopInstance" })
    .first()
    .locator(".open-event")
    .click();
  await expect(
    page.getByRole("heading", { level: 2, name: "StopInstance" }),
  ).toBeFocused();
  await expect(
    page.getByRole("status").filter({ hasText: /^正在加载/ }),
  ).toHaveCount(0, { timeout: 30_000 });
  await expectAccessible(page, "事件详情面板");

  const screens: [string, string][] = [
    ["/trails?region=cn-hangzhou&mock-latency=0-0", "跟踪"],
    [
      "/trails/new?region=cn-hangzhou&mock-latency=0-0",
      "在 cn-hangzhou 创建跟踪",
    ],
    ["/settings?mock-latency=0-0", "设置"],
  ];
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(
      page.getByRole("heading", { level: 1, name: heading }),
    ).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: /^正在加载/ }),
    ).toHaveCount(0, { timeout: 30_000 });
    await expectAccessible(page, heading);
  }
});
