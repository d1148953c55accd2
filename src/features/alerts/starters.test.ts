import { describe, expect, it } from "vitest";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import { packRules } from "@/lib/sigma/rule-pack";
import type { AlertRule } from "@/stores/alerts-store";
import {
  evaluate,
  matcherFor,
  serverAttributes,
  serverReads,
} from "@/lib/alerts/match";
import { STARTERS, ruleFromStarter } from "./starters";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

let n = 0;
function event(fields: Record<string, unknown>): AuditEvent {
  n += 1;
  return auditEventSchema.parse({
    eventId: `e-${n}`,
    eventTime: new Date(NOW - n * 1000).toISOString(),
    eventName: "DescribeRegions",
    eventType: "ApiCall",
    eventRW: "Read",
    serviceName: "Actiontrail",
    acsRegion: "cn-hangzhou",
    userIdentity: { type: "ram-user", userName: "li.wei", principalId: "1" },
    ...fields,
  });
}

const starter = (id: string): AlertRule => {
  const s = STARTERS.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return ruleFromStarter(s, id, id, NOW);
};

describe("starter rules", () => {
  it("names eight starters, each detection starter naming pack rules that exist", () => {
    expect(STARTERS).toHaveLength(8);
    const ids = new Set(packRules().map((r) => r.meta.id));
    const named = STARTERS.flatMap((s) =>
      s.source.kind === "detection" ? s.source.ruleIds : [],
    );
    expect(named.length).toBeGreaterThanOrEqual(7);
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("a trail stopped or deleted matches StopLogging and DeleteTrail only", () => {
    const rule = starter("trail-stopped");
    expect(serverReads(rule.source)).toEqual([
      [{ Key: "EventName", Value: "StopLogging" }],
      [{ Key: "EventName", Value: "DeleteTrail" }],
    ]);
    const match = matcherFor(rule.source, packRules());
    expect(match(event({ eventName: "StopLogging", eventRW: "Write" }))).toBe(
      true,
    );
    expect(match(event({ eventName: "DeleteTrail", eventRW: "Write" }))).toBe(
      true,
    );
    expect(match(event({ eventName: "StartLogging" }))).toBe(false);
  });

  it("a bucket made public matches a public-read ACL, not a private one", () => {
    const rule = starter("bucket-public");
    const match = matcherFor(rule.source, packRules());
    const acl = (value: string) =>
      event({
        eventName: "PutBucketAcl",
        serviceName: "Oss",
        requestParameters: { BucketName: "b", "x-oss-acl": value },
      });
    expect(match(acl("public-read"))).toBe(true);
    expect(match(acl("private"))).toBe(false);
  });

  it("a search starter asks the service for its event name and matches it", () => {
    const rule = starter("access-key-created");
    expect(serverAttributes(rule.source)).toEqual([
      { Key: "EventName", Value: "CreateAccessKey" },
    ]);
    const match = matcherFor(rule.source, packRules());
    expect(match(event({ eventName: "CreateAccessKey" }))).toBe(true);
    expect(match(event({ eventName: "DeleteAccessKey" }))).toBe(false);
  });

  it("many failed calls counts per identity and names the identity", () => {
    const rule = { ...starter("failed-calls"), threshold: 3 };
    const fail = (user: string) =>
      event({
        errorCode: "NoPermission",
        userIdentity: { type: "ram-user", userName: user, principalId: user },
      });
    const events = [
      fail("a"),
      fail("b"),
      fail("a"),
      fail("a"),
      event({}),
      fail("b"),
    ];
    const result = evaluate(rule, events, matcherFor(rule.source, []));
    expect(result.identity).toBe("a");
    expect(result.matched).toHaveLength(3);
    // Newest first.
    expect(result.matched[0]!.timeMs).toBeGreaterThan(
      result.matched[2]!.timeMs,
    );
  });
});
