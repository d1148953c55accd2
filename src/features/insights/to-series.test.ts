import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import {
  aggregate,
  bucketSizeFor,
  clientOf,
  toHistogram,
  toSeriesEvent,
} from "./to-series";

const HOUR = 3_600_000;

describe("bucketSizeFor", () => {
  it("fits round buckets to the range", () => {
    expect(bucketSizeFor(HOUR)).toBe(60_000);
    expect(bucketSizeFor(24 * HOUR)).toBe(30 * 60_000);
    expect(bucketSizeFor(7 * 24 * HOUR)).toBe(180 * 60_000);
    expect(bucketSizeFor(90 * 24 * HOUR)).toBe(2 * 24 * HOUR);
  });
});

describe("toHistogram", () => {
  it("counts read/write and success/error per bucket and skips events outside the range", () => {
    const from = at(0, 0);
    const to = at(0, 1);
    const events = [
      makeEvent({ time: at(0, 0, 0), rw: "Read" }),
      makeEvent({ time: at(0, 0, 0), rw: "Write", errorCode: "NoPermission" }),
      makeEvent({ time: at(0, 0, 59), rw: "Write" }),
      makeEvent({ time: at(0, 1, 0), rw: "Write" }),
      makeEvent({ time: "not a time" }),
    ].map(toSeriesEvent);
    const h = toHistogram(events, from, to);
    expect(h.bucketMs).toBe(60_000);
    expect(h.buckets).toHaveLength(60);
    expect(h.buckets[0]).toEqual({
      start: from,
      end: from + 60_000,
      read: 1,
      write: 1,
      ok: 1,
      error: 1,
      total: 2,
    });
    expect(h.buckets[59]?.write).toBe(1);
    expect(h.outside).toBe(2);
  });

  it("starts the first bucket at the range start when it is not aligned", () => {
    const from = at(0, 0, 7) + 30_000;
    const h = toHistogram([], from, from + HOUR);
    expect(h.buckets[0]?.start).toBe(from);
    expect(h.buckets.at(-1)?.end).toBe(from + HOUR);
    expect(h.buckets).toHaveLength(61);
  });
});

describe("clientOf", () => {
  it("tells console, CLI, SDK and cloud-service calls apart", () => {
    expect(
      clientOf({
        type: "ConsoleOperation",
        userAgent: "AliyunConsole",
        identityType: "ram-user",
      }),
    ).toBe("Console");
    expect(
      clientOf({
        type: "ApiCall",
        userAgent: "aliyuncli/3.0.226",
        identityType: "ram-user",
      }),
    ).toBe("CLI");
    expect(
      clientOf({
        type: "ApiCall",
        userAgent: "aliyun-python-sdk-core/2.13.36 python/3.8.10",
        identityType: "ram-user",
      }),
    ).toBe("SDK");
    expect(
      clientOf({
        type: "AliyunServiceEvent",
        userAgent: "ecs.aliyuncs.com",
        identityType: "system",
      }),
    ).toBe("Cloud service");
    expect(
      clientOf({
        type: "ApiCall",
        userAgent: "<script>",
        identityType: "ram-user",
      }),
    ).toBe("Other");
  });
});

describe("aggregate", () => {
  it("counts top values (hostile keys included) and the client share", () => {
    const events = [
      makeEvent({ time: at(0, 0, 1), name: "__proto__", user: "a" }),
      makeEvent({
        time: at(0, 0, 2),
        name: "__proto__",
        user: "b",
        errorCode: "NoPermission",
      }),
      makeEvent({
        time: at(0, 0, 3),
        name: "RunInstances",
        user: "b",
        userAgent: "AliyunConsole",
      }),
    ].map(toSeriesEvent);
    const s = aggregate(events, { from: at(0, 0), to: at(0, 1) });
    expect(s.total).toBe(3);
    expect(s.top.name.values).toEqual([
      { value: "__proto__", count: 2 },
      { value: "RunInstances", count: 1 },
    ]);
    expect(s.top.errorCode).toEqual({
      counted: 1,
      distinct: 1,
      values: [{ value: "NoPermission", count: 1 }],
    });
    expect(s.clients).toEqual([
      { kind: "Console", count: 1 },
      { kind: "CLI", count: 2 },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("handles 100,000 events", () => {
    const base = toSeriesEvent(makeEvent({ time: at(0, 0) }));
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      ...base,
      t: at(0, 0) + (i % 3600) * 1000,
      user: `u${i % 50}`,
    }));
    const s = aggregate(events, { from: at(0, 0), to: at(0, 1) });
    expect(s.histogram.buckets.reduce((n, b) => n + b.total, 0)).toBe(100_000);
    expect(s.top.user.distinct).toBe(50);
  });
});
