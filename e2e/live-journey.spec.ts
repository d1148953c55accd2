import { expect, test } from "./fixtures";
import { GatewayLogin, LIVE_ACCOUNT_LABEL } from "./pages/live-gateway";
import { Shell } from "./pages/shell";

// The gateway and its stand-in ActionTrail run on the real clock: so does the page.
test.use({ startTime: null });

/**
 * Live mode end to end: Chromium → the signing gateway (server/) → a
 * stand-in ActionTrail on loopback that checks every request's signature and
 * answers with the simulated account. The console here is the live build
 * (VITE_API_MODE=live): no mock code, no service worker.
 */

const ACCOUNT_ID = "1498326459723841";
/** Incident (b) of the simulated account: li.wei stopped prod-web-01 about two days ago. */
const STOPPED_INSTANCE = {
  instanceId: "i-bp1prodweb01ab9xz",
  eventName: "StopInstance",
  userName: "li.wei",
};

test.describe("Trailscope against ActionTrail through the gateway", () => {
  test("asks for the gateway token first and returns to the page that was asked for", async ({
    page,
  }) => {
    await page.goto("/trails?region=cn-hangzhou");
    const login = new GatewayLogin(page);
    await expect(login.heading).toBeVisible();
    await expect(page.getByText(LIVE_ACCOUNT_LABEL)).toBeVisible();

    await login.signIn("not-the-gateway-token");
    await expect(login.error).toHaveText("That access token is not right.");

    await login.signIn();
    await expect(page).toHaveURL(/\/trails\?region=cn-hangzhou$/);
    await expect(
      page.getByRole("heading", { name: "Trails", level: 1 }),
    ).toBeVisible();
    await expect(page.getByText("Live", { exact: true })).toBeVisible();
    // The trails came from the stand-in's account, signed and forwarded by the gateway.
    await expect(
      page.getByRole("link", { name: "org-audit-all" }),
    ).toBeVisible();
  });

  test("searches events: the condition travels as a signed LookupEvents and the incident comes back", async ({
    page,
  }) => {
    await page.goto("/events?region=cn-hangzhou");
    await new GatewayLogin(page).signIn();
    await expect(
      page.getByRole("heading", { name: "Events", level: 1 }),
    ).toBeVisible();

    const conditions = page.getByRole("form", { name: "Add a condition" });
    await conditions
      .getByLabel("Condition")
      .selectOption({ label: "Resource name" });
    await conditions.getByLabel("Value").fill(STOPPED_INSTANCE.instanceId);
    const searched = page.waitForResponse(
      (response) =>
        response.url().includes("Action=LookupEvents") &&
        response.url().includes(STOPPED_INSTANCE.instanceId),
    );
    await conditions.getByRole("button", { name: "Add condition" }).click();
    expect((await searched).status()).toBe(200);

    const grid = page.getByRole("grid", { name: "Events" });
    const stop = grid
      .getByRole("row")
      .filter({ hasText: STOPPED_INSTANCE.eventName });
    await expect(stop.first()).toContainText(STOPPED_INSTANCE.userName);
  });

  test("creates a trail, and shows ActionTrail's refusal with its RequestId when the bucket does not exist", async ({
    page,
  }) => {
    const name = `live-trail-${Date.now().toString(36)}`;
    await page.goto("/trails/new?region=cn-hangzhou");
    await new GatewayLogin(page).signIn();
    await expect(
      page.getByRole("heading", { name: "Create trail in cn-hangzhou" }),
    ).toBeVisible();

    await page.getByLabel("Trail name").fill(name);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("checkbox", { name: /OSS bucket/ }).check();
    await page
      .getByLabel("Your account ID (to build the ARNs)")
      .fill(ACCOUNT_ID);
    // The bucket list comes from OSS through the gateway: type a name instead.
    await page.getByRole("radio", { name: "Type a bucket name" }).check();
    await page
      .getByLabel("Bucket", { exact: true })
      .fill("no-such-bucket-live");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByRole("heading", { name: "Step 3 of 3: Review and create" }),
    ).toBeVisible();

    const refused = page.waitForResponse((response) =>
      response.url().includes("Action=CreateTrail"),
    );
    await page.getByRole("button", { name: "Create", exact: true }).click();
    const answer = await refused;
    expect(answer.status()).toBe(404);
    const envelope = (await answer.json()) as {
      Code: string;
      RequestId: string;
      HostId: string;
    };
    // The stand-in's envelope, passed through untouched (not the gateway's own).
    expect(envelope).toMatchObject({
      Code: "BucketDoesNotExistException",
      HostId: "actiontrail.cn-hangzhou.aliyuncs.com",
    });

    const alert = page
      .getByRole("alert")
      .filter({ hasText: "The service refused the trail" });
    await expect(alert).toContainText("BucketDoesNotExistException");
    await expect(alert).toContainText(envelope.RequestId);
    // What was typed is kept: fix the bucket and create again.
    await expect(page.getByLabel("Bucket", { exact: true })).toHaveValue(
      "no-such-bucket-live",
    );
    await page.getByLabel("Bucket", { exact: true }).fill("ops-logs-hz");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Create", exact: true }).click();

    await expect(
      page.getByRole("heading", { name: `Trail ${name}` }),
    ).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: `Trail ${name} created.` }),
    ).toBeVisible();
    await new Shell(page).goTo("Trails");
    await expect(page.getByRole("link", { name })).toBeVisible();

    // Delete it again (a second signed write), which frees the bucket and the region's quota.
    await page.getByRole("link", { name }).click();
    await page
      .getByRole("group", { name: "Manage trail" })
      .getByRole("button", { name: "Delete…" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Delete trail?" });
    await dialog
      .getByLabel(`Type the trail name ${name} to confirm`)
      .fill(name);
    const deleted = page.waitForResponse((response) =>
      response.url().includes("Action=DeleteTrail"),
    );
    await dialog.getByRole("button", { name: "Delete trail" }).click();
    expect((await deleted).status()).toBe(200);
    await new Shell(page).goTo("Trails");
    await expect(
      page.getByRole("heading", { name: "Trails", level: 1 }),
    ).toBeVisible();
    await expect(
      page.getByRole("link", { name: "org-audit-all" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  });
});
