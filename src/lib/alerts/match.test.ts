import { describe, expect, it } from "vitest";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import { evaluate, matcherFor, serverReads } from "./match";
import type { AlertRule } from "./rule";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

const event = (id: string, user: string, errorCode = ""): AuditEvent =>
  auditEventSchema.parse({
    eventId: id,
    eventTime: new Date(NOW).toISOString(),
    eventName: "ConsoleSignin",
    eventType: "ConsoleSignin",
    serviceName: "Ims",
    acsRegion: "cn-hangzhou",
    errorCode,
    userIdentity: { type: "ram-user", userName: user, principalId: user },
  });

const rule = { perIdentity: true } as AlertRule;

describe("what counts for a rule", () => {
  it("a search matches every condition and asks the service for the first it can apply", () => {
    const source = {
      kind: "search" as const,
      conditions: [
        { key: "EventName", value: "ConsoleSignin" },
        { key: "User", value: "bob" },
      ],
    };
    const match = matcherFor(source, []);
    expect(match(event("1", "bob"))).toBe(true);
    expect(match(event("2", "alice"))).toBe(false);
    expect(serverReads(source)).toEqual([
      [{ Key: "EventName", Value: "ConsoleSignin" }],
    ]);
  });

  it("per identity, the identity with the most failed calls is the one named", () => {
    const events = [
      event("1", "alice", "NoPermission"),
      event("2", "bob", "NoPermission"),
      event("3", "bob", "NoPermission"),
      event("4", "bob"),
    ];
    const result = evaluate(rule, events, matcherFor({ kind: "failures" }, []));
    expect(result.identity).toBe("bob");
    expect(result.matched.map((e) => e.id).sort()).toEqual(["2", "3"]);
  });
});
