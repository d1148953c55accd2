import { gunzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/api/errors";
import {
  listTrailArchive,
  readTrailArchiveObject,
  trailArchiveObject,
} from "@/api/trail-archive";
import { parseDeliveryPath } from "@/lib/archive/delivery-path";
import { installAccount } from "@mocks/node";
import { DAY } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 3, 0);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ORG = { homeRegion: "cn-hangzhou", name: "org-audit-all" };

describe("the simulated account's trail archive", () => {
  it("lists a day 150 days back, older than LookupEvents answers, in the documented layout, and serves each file", async () => {
    installAccount({ now: NOW, scale: 0.05, rateLimits: false });
    const old = day(NOW - 150 * DAY);
    const listing = await listTrailArchive(ORG, { fromDay: old, toDay: old });
    expect(listing).toMatchObject({
      bucket: "trailscope-audit-archive",
      prefix: "audit-logs",
    });
    expect(listing.files.length).toBeGreaterThan(10);
    const places = listing.files.map((f) => parseDeliveryPath(f.key)!);
    expect(places.every((p) => p.prefix === "audit-logs")).toBe(true);
    expect(new Set(places.map((p) => p.region)).size).toBeGreaterThan(3);
    const first = listing.files[0]!;
    const bytes = await readTrailArchiveObject(
      trailArchiveObject(ORG, first.key),
    );
    expect(bytes.length).toBe(first.size);
    const events = JSON.parse(new TextDecoder().decode(gunzipSync(bytes))) as {
      eventTime: string;
      acsRegion: string;
    }[];
    expect(events.length).toBe(parseDeliveryPath(first.key)!.eventCount);
    expect(events.every((e) => e.eventTime.startsWith(old))).toBe(true);
  });

  it("delivers only while the trail logs, only its regions and its kind of events", async () => {
    const account = installAccount({
      now: NOW,
      scale: 0.05,
      rateLimits: false,
    });
    const sg = { homeRegion: "ap-southeast-1", name: "sg-readonly-archive" };
    const trail = account.trails.get(sg.name)!;
    const started = Date.parse(trail.StartLoggingTime);
    const stopped = Date.parse(trail.StopLoggingTime);
    const empty = async (fromDay: string, toDay: string) =>
      (await listTrailArchive(sg, { fromDay, toDay })).files;
    // Before it started logging, and after it stopped: nothing.
    expect(await empty(day(started - 8 * DAY), day(started - 2 * DAY))).toEqual(
      [],
    );
    expect(await empty(day(stopped + 2 * DAY), day(stopped + 9 * DAY))).toEqual(
      [],
    );
    const while_ = await listTrailArchive(sg, {
      fromDay: day(stopped - 20 * DAY),
      toDay: day(stopped - 20 * DAY),
    });
    expect(while_.files.length).toBeGreaterThan(0);
    const places = while_.files.map((f) => parseDeliveryPath(f.key)!);
    expect(new Set(places.map((p) => p.region))).toEqual(
      new Set(["ap-southeast-1"]),
    );
    const bytes = await readTrailArchiveObject(
      trailArchiveObject(sg, while_.files[0]!.key),
    );
    const events = JSON.parse(new TextDecoder().decode(gunzipSync(bytes))) as {
      eventRW: string;
    }[];
    expect(events.every((e) => e.eventRW === "Read")).toBe(true);
  });

  it("answers NoSuchBucket for a trail whose bucket was deleted", async () => {
    installAccount({ now: NOW, scale: 0.05, rateLimits: false });
    const failure = await listTrailArchive(
      { homeRegion: "cn-shanghai", name: "ops-shanghai-trail" },
      { fromDay: day(NOW - 30 * DAY), toDay: day(NOW - 30 * DAY) },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 404, code: "NoSuchBucket" });
  });

  it("refuses what a bucket listing would: unknown trails, long spans, keys outside the delivery prefix", async () => {
    installAccount({ now: NOW, scale: 0.05, rateLimits: false });
    const codeOf = async (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e: ApiError) => `${e.status} ${e.code}`,
      );
    expect(
      await codeOf(
        listTrailArchive(
          { homeRegion: "cn-beijing", name: "org-audit-all" },
          { fromDay: "2026-11-01", toDay: "2026-11-01" },
        ),
      ),
    ).toBe("404 TrailNotFoundException");
    expect(
      await codeOf(
        listTrailArchive(ORG, { fromDay: "2026-09-01", toDay: "2026-11-01" }),
      ),
    ).toBe("400 InvalidParameterDateOutOfRange");
    expect(
      await codeOf(
        readTrailArchiveObject(trailArchiveObject(ORG, "../../etc/passwd")),
      ),
    ).toBe("403 AccessDenied");
    expect(
      await codeOf(
        readTrailArchiveObject(
          trailArchiveObject(
            ORG,
            "audit-logs/AliyunLogs/Actiontrail/cn-hangzhou/2026/01/01/Actiontrail_cn-hangzhou_20260101000500_1002_1_1_00000000000000000000000000000000.gz",
          ),
        ),
      ),
    ).toBe("404 NoSuchKey");
  });
});
