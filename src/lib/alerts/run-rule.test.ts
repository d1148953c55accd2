import { describe, expect, it } from "vitest";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import type { AlertRule, Firing } from "./rule";
import { runRuleOverWindow, type ReadWindow } from "./run-rule";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);
const MIN = 60_000;

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: "r1",
  name: "Failed calls",
  source: { kind: "failures" },
  threshold: 2,
  windowMinutes: 30,
  scheduleMinutes: 15,
  severity: "high",
  quietMinutes: 60,
  perIdentity: false,
  destinations: ["centre"],
  enabled: true,
  createdAt: NOW,
  ...over,
});

let n = 0;
const event = (fields: Record<string, unknown> = {}): AuditEvent => {
  n += 1;
  return auditEventSchema.parse({
    eventId: `e-${n}`,
    eventTime: new Date(NOW - n * 1000).toISOString(),
    eventName: "DeleteTrail",
    eventType: "ApiCall",
    eventRW: "Write",
    serviceName: "Actiontrail",
    acsRegion: "cn-hangzhou",
    errorCode: "NoPermission",
    userIdentity: { type: "ram-user", userName: "li.wei", principalId: "1" },
    ...fields,
  });
};

const run = (r: AlertRule, read: ReadWindow, firings: Firing[] = []) =>
  runRuleOverWindow(r, {
    now: NOW,
    read,
    pack: [],
    firings,
    newId: () => "fire-1",
    describeError: (e) => (e instanceof Error ? e.message : String(e)),
  });

describe("running a rule over its window", () => {
  it("reads the rule's window ending now and fires at the threshold, keeping the events newest first", async () => {
    const older = event();
    const newer = { ...event(), timeMs: NOW - 10 };
    const windows: { startMs: number; endMs: number }[] = [];
    const result = await run(rule(), (_attributes, window) => {
      windows.push(window);
      return Promise.resolve({ events: [older, newer], complete: true });
    });
    expect(windows).toEqual([{ startMs: NOW - 30 * MIN, endMs: NOW }]);
    expect(result.run).toMatchObject({ outcome: "fired", matched: 2 });
    expect(result.firing?.events.map((e) => e.id)).toEqual([
      newer.id,
      older.id,
    ]);
  });

  it("asks once per event name a detection names and counts an event read twice once", async () => {
    const shared = event({ eventName: "StopLogging" });
    const asked: string[] = [];
    const result = await run(
      rule({
        threshold: 1,
        source: {
          kind: "detection",
          ruleIds: ["none"],
          eventNames: ["StopLogging", "DeleteTrail"],
        },
      }),
      (attributes) => {
        asked.push(attributes.map((a) => a.Value).join());
        return Promise.resolve({ events: [shared, shared], complete: true });
      },
    );
    expect(asked).toEqual(["StopLogging", "DeleteTrail"]);
    // No pack rule of that id: nothing counts, but each event was seen once.
    expect(result.run).toMatchObject({ outcome: "below", matched: 0 });
  });

  it("keeps quiet within the quiet period and records no firing", async () => {
    const events = [event(), event()];
    const earlier = { ruleId: "r1", at: NOW - 10 * MIN } as Firing;
    const result = await run(
      rule(),
      () => Promise.resolve({ events, complete: true }),
      [earlier],
    );
    expect(result.run.outcome).toBe("quiet");
    expect(result.firing).toBeUndefined();
  });

  it("is failed when every read fails, and partial with the words when one part could not be read", async () => {
    const failed = await run(rule(), () =>
      Promise.reject(new Error("InvalidAccessKeyId.NotFound: no such key")),
    );
    expect(failed.run).toMatchObject({
      outcome: "failed",
      partial: true,
      error: "InvalidAccessKeyId.NotFound: no such key",
    });
    const partial = await run(rule(), () =>
      Promise.resolve({
        events: [event(), event()],
        complete: false,
        error: "cn-beijing: Throttling",
      }),
    );
    expect(partial.run).toMatchObject({
      outcome: "fired",
      partial: true,
      error: "cn-beijing: Throttling",
    });
  });
});
