import { gunzipSync } from "node:zlib";
import { expect, test } from "./fixtures";
import { GatewayLogin } from "./pages/live-gateway";

// The gateway, its stand-ins and the simulated account run on the real clock: so does the page.
test.use({ startTime: null });

/**
 * Live mode end to end for a trail's archive where it lives: Chromium → the
 * signing gateway → the ActionTrail stand-in (which trails the account has)
 * and the OSS stand-in (V4 signatures checked), whose buckets hold what the
 * simulated account's trails delivered. Trail "sg-readonly-archive"
 * (ap-southeast-1) delivered read events to bucket "sec-archive-sg" under
 * "readonly-archive" from 240 to 45 days ago.
 */
const REGION = "ap-southeast-1";
const TRAIL = "sg-readonly-archive";
const DAY = 86_400_000;

interface ArchivedEvent {
  eventId?: string;
  eventName?: string;
  eventTime?: string;
  userIdentity?: { userName?: string };
}

test("lists a trail's archive in its bucket, fetches 30 days older than the API's 90, and the event search finds an archived event", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const today = Date.parse(
    `${new Date().toISOString().slice(0, 10)}T00:00:00Z`,
  );
  const day = (n: number) =>
    new Date(today - n * DAY).toISOString().slice(0, 10);
  const [first, last] = [day(150), day(121)];

  await page.goto(`/archives?region=${REGION}`);
  await new GatewayLogin(page).signIn();
  const panel = page.getByRole("region", {
    name: "Read a trail's archive from its bucket",
  });
  await expect(panel.getByRole("combobox", { name: "Trail" })).toHaveValue(
    TRAIL,
  );
  await panel.getByLabel("First day (UTC)").fill(first);
  await panel.getByLabel("Last day (UTC)").fill(last);
  const listed = page.waitForResponse((r) =>
    r.url().includes(`/api/_archive/${REGION}/${TRAIL}/files`),
  );
  await panel.getByRole("button", { name: "List files" }).click();
  expect((await listed).status()).toBe(200);
  await expect(panel.getByRole("status")).toContainText(
    "in oss://sec-archive-sg/readonly-archive",
  );

  await panel.getByRole("button", { name: "Import these files" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Import finished" }),
  ).toBeVisible({ timeout: 180_000 });
  await expect(
    page.getByText(/files? were not loaded|file was not loaded/),
  ).toHaveCount(0);
  await expect(
    page.getByRole("row", { name: new RegExp(TRAIL) }),
  ).toContainText("complete");

  // One event of the archive, read through the gateway as the console reads it.
  const listing = (await (
    await page.request.get(
      `/api/_archive/${REGION}/${TRAIL}/files?from=${day(135)}&to=${day(135)}`,
    )
  ).json()) as { Files: { Key: string }[] };
  expect(listing.Files.length).toBeGreaterThan(0);
  const object = await page.request.get(
    `/api/_archive/${REGION}/${TRAIL}/object?key=${encodeURIComponent(listing.Files[0]!.Key)}`,
  );
  expect(object.status()).toBe(200);
  const events = JSON.parse(
    gunzipSync(await object.body()).toString("utf8"),
  ) as ArchivedEvent[];
  const event = events.find((e) => e.userIdentity?.userName && e.eventName);
  expect(event).toBeDefined();
  const at = Date.parse(event!.eventTime!);
  const iso = (ms: number) =>
    new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  await page.goto(
    `/events?region=${REGION}&from=${iso(at - 3_600_000)}&to=${iso(at + 3_600_000)}&f=User:${encodeURIComponent(event!.userIdentity!.userName!)}`,
  );
  const found = page
    .getByRole("grid")
    .getByRole("row", { name: new RegExp(event!.eventName!) });
  await expect(found.first()).toContainText(event!.userIdentity!.userName!);
});
