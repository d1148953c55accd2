import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "fflate";
import { deliveryKey } from "../src/lib/archive/delivery-path";
import { expect, openConsole, test } from "./fixtures";
import { EventsPage } from "./pages/events";

const DAY = 86_400_000;
const REGIONS = ["cn-hangzhou", "cn-shanghai", "eu-central-1"];
const DAYS = 200;
/** cn-shanghai has no delivery on these three days. */
const GAP = new Set([120, 121, 122]);

/**
 * Writes a trail's delivery folder as a bucket download would hold it:
 * 200 days of 3 regions, one file a day, with a 3-day gap in cn-shanghai.
 * An event 150 days old is done by a user nobody else is.
 */
function writeDeliveryFolder(root: string, now: number): number {
  const first = now - DAYS * DAY;
  let files = 0;
  for (const region of REGIONS)
    for (let d = 0; d < DAYS; d++) {
      if (region === "cn-shanghai" && GAP.has(d)) continue;
      const at = first + d * DAY + 3 * 3_600_000;
      const old = region === "cn-hangzhou" && d === DAYS - 150;
      const events = [0, 1, 2].map((k) => ({
        eventId: `arc-${region}-${d}-${k}`,
        eventTime: new Date(at - k * 60_000)
          .toISOString()
          .replace(/\.\d+Z$/, "Z"),
        eventName: old && k === 0 ? "DeleteSecurityGroup" : "DescribeRegions",
        serviceName: "Ecs",
        eventRW: old && k === 0 ? "Write" : "Read",
        acsRegion: region,
        sourceIpAddress: "198.51.100.77",
        recipientAccountId: "6660001234567890",
        userIdentity: {
          type: "ram-user",
          accountId: "6660001234567890",
          userName: old && k === 0 ? "rare.visitor" : "daily.job",
        },
      }));
      const key = deliveryKey({
        prefix: "trail-export",
        region,
        writtenAt: at,
        eventCount: events.length,
        bytes: 100,
        md5: "00112233445566778899aabbccddeeff",
      });
      const path = join(root, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(
        path,
        gzipSync(new TextEncoder().encode(JSON.stringify(events))),
      );
      files++;
    }
  return files;
}

test("imports a folder of 200 days in 3 regions, names the gap, finds a 150-day-old event by user and opens it, and keeps it all after a reload", async ({
  page,
}, testInfo) => {
  const root = testInfo.outputPath("bucket");
  const now = Date.UTC(2026, 10, 23, 3, 0);
  const files = writeDeliveryFolder(root, now);
  await openConsole(page, "/archives");
  await expect(
    page.getByRole("heading", { level: 1, name: "Archives" }),
  ).toBeVisible();
  await page.getByLabel("Name (optional)").fill("Trail export");
  await page.getByLabel("A folder").setInputFiles(join(root, "trail-export"));
  await expect(
    page.getByRole("status").filter({ hasText: "Import finished" }),
  ).toBeVisible({ timeout: 60_000 });

  const row = page.getByRole("row", { name: /Trail export/ });
  await expect(row).toContainText("6660001234567890");
  await expect(row).toContainText("cn-hangzhou, cn-shanghai, eu-central-1");
  await expect(row).toContainText(new Intl.NumberFormat("en-US").format(files));
  await expect(row).toContainText(
    new Intl.NumberFormat("en-US").format(files * 3),
  );

  await row.getByRole("button", { name: "Open" }).click();
  const gapStart = new Date(now - (DAYS - 120) * DAY + 3 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  const gapEnd = new Date(now - (DAYS - 122) * DAY + 3 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  await expect(
    page.getByText(`No file for cn-shanghai from ${gapStart} to ${gapEnd}`),
  ).toBeVisible();
  await expect(page.getByText(/No file for cn-hangzhou/)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("row", { name: /Trail export/ })).toBeVisible();
  await expect(
    page.getByText(`No file for cn-shanghai from ${gapStart} to ${gapEnd}`),
  ).toBeVisible();

  // The event search reads the part older than 90 days from the archive.
  const old = now - 150 * DAY;
  const iso = (ms: number) =>
    new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
  const search = `/events?region=cn-hangzhou&from=${iso(old - 3 * DAY)}&to=${iso(old + 3 * DAY)}&f=User:rare.visitor`;
  await page.goto(search);
  const grid = page.getByRole("grid");
  const found = grid.getByRole("row", { name: /DeleteSecurityGroup/ });
  await expect(found).toContainText("rare.visitor");
  const events = new EventsPage(page);
  await events.openEvent(found);
  await expect(events.pane).toContainText(`arc-cn-hangzhou-${DAYS - 150}-0`);

  await page.reload();
  await expect(
    page.getByRole("grid").getByRole("row", { name: /DeleteSecurityGroup/ }),
  ).toContainText("rare.visitor");
});

test("refuses corrupt files and a gzip bomb by name while the good files load", async ({
  page,
}, testInfo) => {
  const root = testInfo.outputPath("mixed");
  const good = join(
    root,
    deliveryKey({
      region: "cn-beijing",
      writtenAt: Date.UTC(2026, 9, 1, 2),
      eventCount: 1,
      bytes: 10,
      md5: "00112233445566778899aabbccddeeff",
    }),
  );
  mkdirSync(dirname(good), { recursive: true });
  writeFileSync(
    good,
    gzipSync(
      new TextEncoder().encode(
        JSON.stringify([
          {
            eventId: "good-1",
            eventTime: "2026-10-01T02:00:00Z",
            eventName: "ListUsers",
            acsRegion: "cn-beijing",
          },
        ]),
      ),
    ),
  );
  writeFileSync(join(root, "corrupt.json.gz"), "\x1f\x8bnot really gzip");
  writeFileSync(join(root, "notes.txt.json"), "meeting notes, not JSON");
  // 200 MB of zeros, about 200 KB compressed.
  writeFileSync(
    join(root, "bomb.json.gz"),
    gzipSync(new Uint8Array(200 * 1024 * 1024), { level: 9 }),
  );

  await openConsole(page, "/archives");
  await page.getByLabel("A folder").setInputFiles(root);
  await expect(
    page.getByRole("status").filter({ hasText: "Import finished" }),
  ).toBeVisible({ timeout: 60_000 });
  const refused = page
    .getByRole("region", { name: "Import a trail's archive" })
    .getByRole("alert");
  await expect(refused).toContainText("3 files were not loaded");
  await expect(refused).toContainText("corrupt.json.gz");
  await expect(refused).toContainText(
    "bomb.json.gz: too large once decompressed",
  );
  await expect(refused).toContainText(
    "notes.txt.json: holds no ActionTrail events",
  );
  const heap = await page.evaluate(
    () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } })
        .memory?.usedJSHeapSize ?? 0,
  );
  // The bomb was stopped at the per-file cap: the page holds far less than it.
  expect(heap).toBeLessThan(150 * 1024 * 1024);
});

test("reads three days of a trail's archive from the simulated bucket, in the background, and lists the archive", async ({
  page,
}) => {
  await openConsole(page, "/archives?region=cn-hangzhou&mock-latency=0-0");
  const panel = page.getByRole("region", {
    name: "Read a trail's archive from its bucket",
  });
  await expect(panel.getByRole("combobox", { name: "Trail" })).toHaveValue(
    "org-audit-all",
  );
  // 150 to 148 days back: older than LookupEvents answers.
  const now = Date.UTC(2026, 10, 23, 3, 0);
  const day = (n: number) =>
    new Date(now - n * 86_400_000).toISOString().slice(0, 10);
  await panel.getByLabel("First day (UTC)").fill(day(150));
  await panel.getByLabel("Last day (UTC)").fill(day(148));
  await panel.getByRole("button", { name: "List files" }).click();
  await expect(panel.getByRole("status")).toContainText(
    "in oss://trailscope-audit-archive/audit-logs",
  );
  await panel.getByRole("button", { name: "Import these files" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Import finished" }),
  ).toBeVisible({ timeout: 90_000 });
  const row = page.getByRole("row", {
    name: new RegExp(`org-audit-all, ${day(150)} to ${day(148)}`),
  });
  await expect(row).toContainText(`${day(150)} – ${day(148)}`);
  await expect(row).toContainText("complete");
  await expect(
    page.getByText(/files? were not loaded|file was not loaded/),
  ).toHaveCount(0);
});
