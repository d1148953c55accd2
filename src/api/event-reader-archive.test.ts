import { gzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { installAccount, TEST_NOW } from "@mocks/node";
import { memoryArchiveStore } from "@/lib/archive/archive-store";
import { importArchive } from "@/lib/archive/import-archive";
import { readArchivePage } from "@/lib/archive/search-archive";
import { DAY } from "@/lib/time";
import {
  ARCHIVE_PAGE_SIZE,
  eventsOf,
  isComplete,
  readAllEvents,
  type ReadScope,
} from "./event-reader";

const NOW = Math.floor(TEST_NOW / 1000) * 1000;
const LOOKBACK = NOW - 90 * DAY;

/** An archive of `days` days ending 90 days ago: `perDay` events a day in cn-hangzhou. */
async function archiveOf(days: number, perDay: number) {
  const store = memoryArchiveStore();
  const files = [];
  for (let d = 1; d <= days; d++) {
    const events = Array.from({ length: perDay }, (_, k) => ({
      eventId: `old-${d}-${k}`,
      eventTime: new Date(LOOKBACK - d * DAY + k * 1000)
        .toISOString()
        .replace(/\.\d+Z$/, "Z"),
      eventName: k === 0 ? "DeleteTrail" : "DescribeTrails",
      serviceName: "Actiontrail",
      eventRW: k === 0 ? "Write" : "Read",
      acsRegion: "cn-hangzhou",
      userIdentity: { type: "ram-user", userName: k === 0 ? "mallory" : "bot" },
    }));
    const bytes = gzipSync(new TextEncoder().encode(JSON.stringify(events)));
    files.push({
      path: `day-${d}.json.gz`,
      size: bytes.length,
      read: () => Promise.resolve(bytes),
    });
  }
  await importArchive(store, files, {
    archiveId: "a",
    label: "a",
    startedAt: new Date(NOW),
  });
  return store;
}

describe("the event reader over imported archives", () => {
  it("reads what is older than the service's 90 days from the archive and the rest from LookupEvents, each counted", async () => {
    installAccount({ now: NOW, rateLimits: false });
    const store = await archiveOf(10, 3);
    const scope: ReadScope = {
      regions: ["cn-hangzhou"],
      window: { startMs: LOOKBACK - 20 * DAY, endMs: LOOKBACK + 2 * DAY },
      attributes: [],
      // An hour inside the service's 90 days: time passes while reading.
      archiveBefore: LOOKBACK + 3_600_000,
    };
    const result = await readAllEvents(scope, {
      archive: (q) => readArchivePage(store, q),
    });
    expect(result.todo).toEqual([]);
    expect(isComplete(result)).toBe(true);
    expect(result.archiveEvents).toBe(30);
    const events = eventsOf(result);
    expect(events.filter((e) => e.id.startsWith("old-"))).toHaveLength(30);
    // The two days the service still answers came from LookupEvents.
    expect(result.count - result.archiveEvents).toBeGreaterThan(0);
    expect(
      events
        .filter((e) => !e.id.startsWith("old-"))
        .every((e) => e.timeMs >= LOOKBACK),
    ).toBe(true);
  });

  it("applies the search's conditions to archived events as the service would", async () => {
    installAccount({ now: NOW, rateLimits: false });
    const store = await archiveOf(10, 3);
    const result = await readAllEvents(
      {
        regions: ["cn-hangzhou"],
        window: { startMs: LOOKBACK - 30 * DAY, endMs: LOOKBACK - 1 },
        attributes: [{ Key: "User", Value: "mallory" }],
        archiveBefore: LOOKBACK,
      },
      { archive: (q) => readArchivePage(store, q) },
    );
    const events = eventsOf(result);
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.userName === "mallory")).toBe(true);
    expect(result.requests).toBe(0);
  });

  it("pages through an archive span larger than a page without losing or repeating events", async () => {
    installAccount({ now: NOW, rateLimits: false });
    const perDay = 300;
    const store = await archiveOf(4, perDay);
    const result = await readAllEvents(
      {
        regions: ["cn-hangzhou"],
        window: { startMs: LOOKBACK - 10 * DAY, endMs: LOOKBACK - 1 },
        attributes: [],
        archiveBefore: LOOKBACK,
      },
      { archive: (q) => readArchivePage(store, q) },
    );
    expect(4 * perDay).toBeGreaterThan(ARCHIVE_PAGE_SIZE);
    expect(result.count).toBe(4 * perDay);
    expect(new Set(eventsOf(result).map((e) => e.id)).size).toBe(4 * perDay);
    expect(result.pages).toBeGreaterThan(2);
  });

  it("keeps an unreadable archive part on the ledger with its reason", async () => {
    installAccount({ now: NOW, rateLimits: false });
    const result = await readAllEvents(
      {
        regions: ["cn-hangzhou"],
        window: { startMs: LOOKBACK - 5 * DAY, endMs: LOOKBACK - 1 },
        attributes: [],
        archiveBefore: LOOKBACK,
      },
      {
        archive: () =>
          Promise.reject(new Error("the browser's storage is unavailable")),
      },
    );
    expect(isComplete(result)).toBe(false);
    expect(result.todo[0]).toMatchObject({
      source: "archive",
      failure: { code: "ArchiveUnreadable" },
    });
  });
});
