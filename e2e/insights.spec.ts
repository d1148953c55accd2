import { INCIDENTS } from "../mocks/data/incidents";
import { expect, test } from "./fixtures";
import { InsightsPage } from "./pages/insights";

const leak = INCIDENTS.leakedAccessKey;

test.describe("Insights", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an analyst finds the leaked AccessKey, its RunInstances events and its owner", async ({
    page,
  }) => {
    const insights = new InsightsPage(page);
    await insights.openFindings();
    const title = new RegExp(
      `AccessKey ${leak.accessKeyId} \\(${leak.userName}\\) used from`,
    );
    await expect(insights.finding(title)).toBeVisible({ timeout: 90_000 });
    const evidence = await insights.evidence(title);
    for (const ip of leak.sourceIps)
      await expect(
        evidence.getByText(ip, { exact: true }).first(),
      ).toBeVisible();
    for (const region of leak.runRegions)
      await expect(
        evidence.getByText(region, { exact: true }).first(),
      ).toBeVisible();

    await evidence.getByRole("link", { name: "RunInstances events" }).click();
    await expect(page).toHaveURL(/\/events\?/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("f")).toEqual([
      `EventAccessKeyId:${leak.accessKeyId}`,
      "EventName:RunInstances",
    ]);
    expect(url.searchParams.get("region")).toBe("all");

    await page.goBack();
    await insights
      .finding(title)
      .getByRole("link", { name: "Investigate", exact: true })
      .click();
    await expect(page).toHaveURL(/\/investigate\/identity\?/);
    await expect(
      page.getByText(leak.accessKeyId, { exact: true }).first(),
    ).toBeVisible();
  });

  test("the stopped and deleted trail and the new administrator with an AccessKey are sensitive-action findings", async ({
    page,
  }) => {
    const insights = new InsightsPage(page);
    const trail = INCIDENTS.trailDeleted;
    const admin = INCIDENTS.backdoorUser;
    await insights.openFindings();
    await expect(
      insights.finding(
        `${trail.userName} stopped logging of trail ${trail.trailName}`,
      ),
    ).toBeVisible({ timeout: 90_000 });
    await expect(
      insights.finding(`${trail.userName} deleted trail ${trail.trailName}`),
    ).toBeVisible();
    await expect(
      insights.finding(
        `${admin.userName} granted ${admin.policyName} to user ${admin.createdUser}`,
      ),
    ).toBeVisible();
    await expect(
      insights.finding(
        `${admin.userName} created an AccessKey for ${admin.createdUser}`,
      ),
    ).toBeVisible();
  });

  test("brushing the histogram narrows the event search to the span", async ({
    page,
  }) => {
    const insights = new InsightsPage(page);
    await insights.open();
    const before = await page.evaluate(() => Date.now());
    await insights.brush(0.3, 0.6);
    await expect(page).toHaveURL(/\/events\?/);
    const url = new URL(page.url());
    const from = Date.parse(url.searchParams.get("from") ?? "");
    const to = Date.parse(url.searchParams.get("to") ?? "");
    expect(url.searchParams.get("region")).toBe("cn-hangzhou");
    // A span of several half-hour bars inside the last 24 hours.
    expect(to - from).toBeGreaterThanOrEqual(2 * 30 * 60_000);
    expect(to - from).toBeLessThan(24 * 3_600_000);
    expect(from).toBeGreaterThan(before - 24 * 3_600_000 - 60_000);
    expect(to).toBeLessThanOrEqual(await page.evaluate(() => Date.now()));
  });
});
