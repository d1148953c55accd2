import { describe, expect, it } from "vitest";
import {
  bucketSizeFor,
  busiestBucket,
  SEARCH_BUCKET_SIZES,
  searchHistogram,
  type BinnableEvent,
} from "./histogram";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 0, 5, 0, 0, 0);

describe("search bucket sizes", () => {
  it("picks a minute, 5 minutes, an hour or a day from the window", () => {
    const size = (ms: number) => bucketSizeFor(ms, 200, SEARCH_BUCKET_SIZES);
    expect(size(15 * MINUTE)).toBe(MINUTE);
    expect(size(HOUR)).toBe(MINUTE);
    expect(size(6 * HOUR)).toBe(5 * MINUTE);
    expect(size(24 * HOUR)).toBe(HOUR);
    expect(size(7 * DAY)).toBe(HOUR);
    expect(size(30 * DAY)).toBe(DAY);
  });
});

describe("searchHistogram", () => {
  it("bins 100,000 events into hourly read/write and success/error counts", () => {
    const to = FROM + DAY;
    // Event i falls in hour i % 24; every third writes, every seventh failed.
    const events: BinnableEvent[] = Array.from({ length: 100_000 }, (_, i) => ({
      timeMs: FROM + (i % 24) * HOUR + (i % 3600) * 1000,
      rw: i % 3 === 0 ? "Write" : "Read",
      errorCode: i % 7 === 0 ? "NoPermission" : "",
    }));
    events.push({ timeMs: to, rw: "Read", errorCode: "" });
    events.push({ timeMs: Number.NaN, rw: "Read", errorCode: "" });

    const h = searchHistogram(events, FROM, to);

    expect(h.bucketMs).toBe(HOUR);
    expect(h.buckets).toHaveLength(24);
    expect(h.outside).toBe(2);
    const expected = Array.from({ length: 24 }, () => ({
      total: 0,
      write: 0,
      error: 0,
    }));
    for (let i = 0; i < 100_000; i++) {
      const b = expected[i % 24]!;
      b.total++;
      if (i % 3 === 0) b.write++;
      if (i % 7 === 0) b.error++;
    }
    h.buckets.forEach((b, i) => {
      const want = expected[i]!;
      expect(b.start).toBe(FROM + i * HOUR);
      expect(b.end).toBe(FROM + (i + 1) * HOUR);
      expect(b.total).toBe(want.total);
      expect(b.write).toBe(want.write);
      expect(b.read).toBe(want.total - want.write);
      expect(b.error).toBe(want.error);
      expect(b.ok).toBe(want.total - want.error);
    });
    expect(h.buckets.reduce((n, b) => n + b.total, 0)).toBe(100_000);
  });

  it("starts the first bar at the window's start and ends the last at its end", () => {
    const from = FROM + 7 * MINUTE + 30_000;
    const to = from + HOUR;
    const h = searchHistogram(
      [{ timeMs: from, rw: "Read", errorCode: "" }],
      from,
      to,
    );
    expect(h.bucketMs).toBe(MINUTE);
    expect(h.buckets[0]).toMatchObject({ start: from, total: 1 });
    expect(h.buckets.at(-1)!.end).toBe(to);
  });

  it("names the busiest bar, none when every bar is empty", () => {
    const h = searchHistogram(
      [
        { timeMs: FROM + 2 * HOUR, rw: "Read", errorCode: "" },
        { timeMs: FROM + 2 * HOUR + 5, rw: "Write", errorCode: "" },
        { timeMs: FROM + 5 * HOUR, rw: "Read", errorCode: "" },
      ],
      FROM,
      FROM + DAY,
    );
    expect(busiestBucket(h.buckets)?.start).toBe(FROM + 2 * HOUR);
    expect(busiestBucket(searchHistogram([], FROM, FROM + DAY).buckets)).toBe(
      undefined,
    );
  });
});
