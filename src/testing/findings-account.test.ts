import { describe, expect, it, vi } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { rpc } from "@/api/client";
import { eventsOf, isComplete, readAllEvents } from "@/api/event-reader";
import type { AuditEvent } from "@/api/schemas/event";
import { DETECTOR_CATALOG } from "@/features/insights/detectors/catalog";
import { DEFAULT_PRESET } from "@/features/insights/findings/findings-range";
import { runFindings } from "@/features/insights/findings/run-findings";
import { packRules } from "@/lib/sigma/rule-pack";

const DAY = 86_400_000;
const I = INCIDENTS;

/** What marks each woven incident among a finding's events (facts, not card wording). */
const INCIDENT_EVENTS: Record<string, (e: AuditEvent) => boolean> = {
  a: (e) =>
    e.accessKeyId === I.leakedAccessKey.accessKeyId &&
    e.name === I.leakedAccessKey.eventName,
  b: (e) =>
    e.name === I.stoppedProdInstance.eventName &&
    e.resourceName.includes(I.stoppedProdInstance.instanceId),
  c: (e) => e.errorCode === I.rdsResize.burstErrorCode,
  d: (e) =>
    e.userName === I.consoleBruteForce.userName &&
    e.errorCode === I.consoleBruteForce.errorCode,
  e: (e) =>
    e.name === "DeleteTrail" &&
    e.resourceName.includes(I.trailDeleted.trailName),
  f: (e) =>
    e.name === "AttachPolicyToUser" && e.userName === I.backdoorUser.userName,
  g: (e) =>
    e.name === I.publicBucket.eventName &&
    e.resourceName.includes(I.publicBucket.bucket),
  h: (e) => e.userName === I.enumeration.userName,
};

/** Beijing 11:00 on a Monday and on a Saturday: the weekday must not decide. */
const CLOCKS = [
  ["Monday", Date.UTC(2026, 10, 23, 3, 0)],
  ["Saturday", Date.UTC(2026, 10, 28, 3, 0)],
] as const;

/** The oldest woven incident, in days before the account's anchor (its `now`). */
const OLDEST = Math.max(...Object.values(I).map((i) => i.daysBefore));

describe("findings on the simulated account, over the Findings view's default range", () => {
  it("the default range reaches the oldest woven incident", () => {
    // Each incident sits `daysBefore` local days before the anchor, at most a day more in UTC.
    expect(OLDEST + 1).toBeLessThanOrEqual(DEFAULT_PRESET);
  });

  it.each(CLOCKS)(
    "names every woven incident and at most five other findings (%s)",
    async (_day, now) => {
      vi.setSystemTime(now);
      installAccount({ now });
      const regions = (
        await rpc("cn-hangzhou", "DescribeRegions", {})
      ).regions.map((r) => r.id);
      const read = await readAllEvents({
        regions,
        window: { startMs: now - DEFAULT_PRESET * DAY, endMs: now },
        attributes: [],
      });
      expect(isComplete(read)).toBe(true);
      const events = eventsOf(read);
      const byId = new Map(events.map((e) => [e.id, e]));
      const { findings, examined } = runFindings({
        events,
        rules: packRules(),
        detectors: DETECTOR_CATALOG,
        disabled: new Set(),
      });
      expect(examined).toBe(byId.size);
      const incidentsOf = (f: (typeof findings)[number]) =>
        Object.keys(INCIDENT_EVENTS).filter((id) =>
          f.eventIds.some((eid) => {
            const e = byId.get(eid);
            return e !== undefined && INCIDENT_EVENTS[id]!(e);
          }),
        );
      const found = new Set(findings.flatMap(incidentsOf));
      expect([...found].sort()).toEqual([
        "a",
        "b",
        "c",
        "d",
        "e",
        "f",
        "g",
        "h",
      ]);
      // Background traffic: at most five findings that are no incident (listed on failure).
      const others = findings
        .filter((f) => incidentsOf(f).length === 0)
        .map((f) => `${f.key} ${f.signals.map((s) => s.ruleId).join("+")}`);
      expect(others.length > 5 ? others : []).toEqual([]);
    },
  );
});
