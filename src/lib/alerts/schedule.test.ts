import { describe, expect, it } from "vitest";
import type { AlertRule, Firing, RuleRun } from "./rule";
import { decide, isDue, nextRunAt, quietUntil, runWindow } from "./schedule";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);
const MIN = 60_000;

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({
  id: "r1",
  name: "Trail stopped",
  source: { kind: "failures" },
  threshold: 1,
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

const run = (at: number): RuleRun => ({
  at,
  windowStart: at - 30 * MIN,
  windowEnd: at,
  matched: 0,
  outcome: "below",
  partial: false,
});

const firing = (at: number): Firing => ({
  id: "f1",
  ruleId: "r1",
  ruleName: "Trail stopped",
  severity: "high",
  at,
  windowStart: at - 30 * MIN,
  windowEnd: at,
  count: 1,
  events: [],
});

describe("when a rule runs", () => {
  it("runs at once when it never ran, then every schedule", () => {
    expect(nextRunAt(rule(), undefined)).toBe(NOW);
    expect(nextRunAt(rule(), run(NOW))).toBe(NOW + 15 * MIN);
    expect(nextRunAt(rule({ scheduleMinutes: 5 }), run(NOW))).toBe(
      NOW + 5 * MIN,
    );
    expect(nextRunAt(rule({ scheduleMinutes: 60 }), run(NOW))).toBe(
      NOW + 60 * MIN,
    );
  });

  it("never runs when switched off", () => {
    expect(nextRunAt(rule({ enabled: false }), undefined)).toBeUndefined();
    expect(isDue(rule({ enabled: false }), undefined, NOW + 99 * MIN)).toBe(
      false,
    );
  });

  it("is due only once its schedule has come", () => {
    const last = run(NOW);
    expect(isDue(rule(), last, NOW + 15 * MIN - 1)).toBe(false);
    expect(isDue(rule(), last, NOW + 15 * MIN)).toBe(true);
  });

  it("runs early when a run was asked for after its last run", () => {
    const last = run(NOW);
    expect(isDue(rule(), last, NOW + MIN, NOW + 30_000)).toBe(true);
    // Asked before the last run: already answered.
    expect(isDue(rule(), last, NOW + MIN, NOW - 1)).toBe(false);
    // Asked for a time still to come: not yet.
    expect(isDue(rule(), last, NOW + MIN, NOW + 2 * MIN)).toBe(false);
  });

  it("reads the window that ends at the run", () => {
    expect(runWindow(rule(), NOW)).toEqual({
      startMs: NOW - 30 * MIN,
      endMs: NOW,
    });
  });
});

describe("the quiet period", () => {
  it("fires when the threshold is met and nothing fired before", () => {
    expect(decide(rule({ threshold: 3 }), 3, undefined, NOW)).toBe("fired");
    expect(decide(rule({ threshold: 3 }), 2, undefined, NOW)).toBe("below");
  });

  it("keeps quiet for the period after a firing, then fires again", () => {
    const last = firing(NOW);
    expect(quietUntil(rule(), last, NOW + 10 * MIN)).toBe(NOW + 60 * MIN);
    expect(decide(rule(), 1, last, NOW + 59 * MIN)).toBe("quiet");
    expect(decide(rule(), 1, last, NOW + 60 * MIN)).toBe("fired");
    expect(quietUntil(rule(), last, NOW + 60 * MIN)).toBeUndefined();
  });

  it("follows the rule's own period", () => {
    const last = firing(NOW);
    expect(decide(rule({ quietMinutes: 15 }), 1, last, NOW + 15 * MIN)).toBe(
      "fired",
    );
    expect(decide(rule({ quietMinutes: 0 }), 1, last, NOW)).toBe("fired");
  });
});
