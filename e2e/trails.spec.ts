import { ACCOUNT_ID } from "../mocks/data/people";
import { expect, test } from "./fixtures";
import { Shell } from "./pages/shell";
import { MOCK, TrailsPages } from "./pages/trails";

test("an admin creates a trail delivering to OSS and Log Service, logging at once, and sees it Enable with delivery times", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openList("cn-hangzhou");
  await expect(
    page.getByText("2 of 5 trails in this region (cn-hangzhou)"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Create trail" }).click();
  await expect(trails.stepHeading).toHaveText("Step 1 of 3: Basics");
  await trails.fillBasics("hz-full-audit", /All events/);
  await trails.next("Delivery");
  await trails.chooseExistingBucket("prod-audit-archive-hz");
  await page
    .getByRole("textbox", { name: "Key prefix (optional)" })
    .fill("audit-full");
  await trails.chooseLogServiceProject("app-logs-hz");
  await expect(
    page.getByText(`acs:log:cn-hangzhou:${ACCOUNT_ID}:project/app-logs-hz`),
  ).toBeVisible();
  await trails.next("Review and create");
  const request = page.getByLabel("CreateTrail request parameters");
  await expect(request).toContainText("Action=CreateTrail");
  await expect(request).toContainText("Name=hz-full-audit");
  await expect(
    page.getByRole("checkbox", { name: /Start logging/ }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Create", exact: true }).click();

  await expect(
    page.getByRole("heading", { level: 1, name: "Trail hz-full-audit" }),
  ).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "Logging started." }),
  ).toBeVisible();
  await expect(trails.statusBadge).toHaveText(/^Enable/);
  const status = page.getByRole("region", { name: "Logging and delivery" });
  await expect(status.getByText("On", { exact: true })).toBeVisible();
  // Nothing is delivered before the trail's first five-minute file.
  const ossDelivery = status
    .locator("dt", { hasText: "Latest delivery to OSS" })
    .locator("+ dd");
  await expect(ossDelivery).toContainText("none yet");
  await page.clock.runFor(6 * 60_000);
  await status.getByRole("button", { name: "Refresh" }).click();
  await expect(ossDelivery).toHaveText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  await expect(
    status
      .locator("dt", { hasText: "Latest delivery to Log Service" })
      .locator("+ dd"),
  ).toHaveText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
  await expect(
    page.getByText(
      "prod-audit-archive-hz/audit-full/AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/…",
    ),
  ).toBeVisible();
});

test("a sixth trail in a region is refused with the quota explained, and the form keeps its values", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openList("cn-hangzhou");
  await trails.createTrailsByApi(
    "cn-hangzhou",
    ["filler-trail-1", "filler-trail-2", "filler-trail-3"],
    ACCOUNT_ID,
  );
  await trails.openWizard("cn-hangzhou");
  await expect(
    page
      .getByRole("note")
      .filter({ hasText: "cn-hangzhou already has 5 of 5 trails" }),
  ).toBeVisible();
  await trails.fillBasics("sixth-trail-hz");
  await trails.next("Delivery");
  await trails.chooseExistingBucket("ops-logs-hz");
  await trails.next("Review and create");
  await page.getByRole("button", { name: "Create", exact: true }).click();

  await expect(trails.stepHeading).toHaveText("Step 1 of 3: Basics");
  await expect(page.getByRole("alert")).toContainText(
    "MaximumNumberOfTrailsExceededException",
  );
  await expect(
    page.getByText("This region already has the maximum of 5 trails"),
  ).toBeVisible();
  await expect(trails.nameField).toHaveValue("sixth-trail-hz");
  await trails.next("Delivery");
  await expect(page.getByRole("combobox", { name: "Bucket" })).toHaveValue(
    "ops-logs-hz",
  );
});

test("a reload in the middle of the wizard keeps the draft", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openWizard("cn-hangzhou");
  await trails.fillBasics("draft-survives", /Read events/);
  await trails.next("Delivery");
  await trails.chooseLogServiceProject("security-audit-hz");
  await page.reload();
  await expect(trails.stepHeading).toHaveText("Step 2 of 3: Delivery");
  await expect(
    page.getByRole("combobox", { name: "Project", exact: true }),
  ).toHaveValue("security-audit-hz");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(trails.nameField).toHaveValue("draft-survives");
  await expect(page.getByRole("radio", { name: /Read events/ })).toBeChecked();
});

test("stopping then deleting the all-region trail leaves a gap the coverage map shows", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openCoverage();
  await expect(
    page.getByText(/Every region and event type is recorded/),
  ).toBeVisible();

  await trails.openTrail("org-audit-all", "cn-hangzhou");
  await page.getByRole("button", { name: "Stop logging" }).click();
  const stop = page.getByRole("dialog", { name: "Stop logging?" });
  await expect(stop).toContainText("will stop delivering events");
  await stop.getByRole("button", { name: "Stop logging" }).click();
  await expect(
    page.getByRole("button", { name: "Start logging" }),
  ).toBeVisible();
  await expect(trails.statusBadge).toHaveText(/^Disable/);

  await page.getByRole("button", { name: "Delete…" }).click();
  const del = page.getByRole("dialog", { name: "Delete trail?" });
  await del
    .getByRole("textbox", { name: /Type the trail name/ })
    .fill("org-audit-all");
  await del.getByRole("button", { name: "Delete trail" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Trails" }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /org-audit-all/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Coverage map" }).click();
  const summary = page.locator(".coverage-summary");
  await expect(summary).toContainText("Read events not recorded in any region");
  const matrix = page.getByRole("table", {
    name: "Coverage by region and event type",
  });
  await expect(
    matrix.getByRole("row", { name: /ap-northeast-1/ }),
  ).toContainText("Not recorded");
});

test("as auditor, write actions are unavailable with the reason, and a forced attempt explains NoPermission", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openList("cn-hangzhou", "&identity=auditor");
  await expect(new Shell(page).identity).toHaveValue("auditor");
  const create = page.getByRole("button", { name: "Create trail" });
  await expect(create).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText(/Write actions unavailable/)).toBeVisible();

  await page.goto(`/trails/org-audit-all?region=cn-hangzhou&${MOCK}`);
  const stopButton = page.getByRole("button", { name: "Stop logging" });
  await expect(stopButton).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "Try anyway" }).click();
  await stopButton.click();
  await page
    .getByRole("dialog", { name: "Stop logging?" })
    .getByRole("button", { name: "Stop logging" })
    .click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("NoPermission");
  await expect(alert).toContainText("You are not authorized to do this action");
  await expect(alert).toContainText("RequestId");
  await expect(trails.statusBadge).toHaveText(/^Enable/);
});
