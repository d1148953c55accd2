import { describe, expect, it } from "vitest";
import { auditEventSchema, LOOKUP_ATTRIBUTE_KEYS } from "./event";
import { listNames, matchesLookupAttribute } from "./lookup-match";

const event = auditEventSchema.parse({
  eventId: "6D6A4D4B-1F0A-5D0F-9C55-0000ABCD0001",
  eventTime: "2026-11-20T08:00:00Z",
  eventName: "RunInstances",
  eventType: "ApiCall",
  eventRW: "Write",
  serviceName: "Ecs",
  acsRegion: "cn-hangzhou",
  sourceIpAddress: "198.51.100.7",
  userIdentity: {
    type: "assumed-role",
    principalId: "34359792600393:ci",
    userName: "DeployRole:ci-run-41",
    accessKeyId: "STS.NUQNP4PiGyckMsNiGELCs",
  },
  resourceType: "ACS::ECS::Instance;ACS::ECS::SecurityGroup",
  resourceName: "i-bp1aaa,i-bp1bbb;sg-bp1ccc",
  eventAttributes: { SensitiveAction: "true" },
});
const plain = auditEventSchema.parse({
  eventId: "E2",
  eventTime: "2026-11-20T08:00:00Z",
  eventName: "DescribeInstances",
  eventRW: "Read",
  userIdentity: { type: "ram-user", userName: "DeployRole" },
});

/** For each of the twelve keys: a value that matches `event` and one that does not. */
const CASES: Record<string, [string, string]> = {
  EventName: ["RunInstances", "runinstances"],
  User: ["DeployRole:ci-run-41", "DeployRole"],
  ServiceName: ["Ecs", "ECS"],
  ResourceType: ["ACS::ECS::SecurityGroup", "ACS::ECS"],
  ResourceName: ["i-bp1bbb", "i-bp1b"],
  EventRW: ["Write", "Read"],
  EventAccessKeyId: ["STS.NUQNP4PiGyckMsNiGELCs", "STS.NUQNP4PiGyckMsNiGELC"],
  SourceIpAddress: ["198.51.100.7", "198.51.100.70"],
  EventId: [
    "6D6A4D4B-1F0A-5D0F-9C55-0000ABCD0001",
    "6d6a4d4b-1f0a-5d0f-9c55-0000abcd0001",
  ],
  SensitiveAction: ["true", "True"],
  EventType: ["ApiCall", "ConsoleOperation"],
  RoleName: ["DeployRole", "DeployRole:ci-run-41"],
};

describe("matchesLookupAttribute", () => {
  it.each(LOOKUP_ATTRIBUTE_KEYS.map((key) => [key]))(
    "matches %s exactly and case-sensitively",
    (key) => {
      const [yes, no] = CASES[key]!;
      expect(matchesLookupAttribute(event, key, yes)).toBe(true);
      expect(matchesLookupAttribute(event, key, no)).toBe(false);
    },
  );

  it("matches SensitiveAction=false to no event: only sensitive events carry the attribute", () => {
    expect(matchesLookupAttribute(plain, "SensitiveAction", "false")).toBe(
      false,
    );
    expect(matchesLookupAttribute(event, "SensitiveAction", "false")).toBe(
      false,
    );
    expect(matchesLookupAttribute(plain, "SensitiveAction", "true")).toBe(
      false,
    );
  });

  it("matches a ResourceType or ResourceName that is one item of the event's list, or the whole list", () => {
    expect(
      matchesLookupAttribute(event, "ResourceType", "ACS::ECS::Instance"),
    ).toBe(true);
    expect(
      matchesLookupAttribute(
        event,
        "ResourceType",
        "ACS::ECS::Instance;ACS::ECS::SecurityGroup",
      ),
    ).toBe(true);
    expect(matchesLookupAttribute(event, "ResourceName", "sg-bp1ccc")).toBe(
      true,
    );
    expect(matchesLookupAttribute(plain, "ResourceType", "")).toBe(true);
    expect(listNames("a,b;c", "a,b")).toBe(false);
  });

  it("matches RoleName only on role sessions", () => {
    expect(matchesLookupAttribute(plain, "RoleName", "DeployRole")).toBe(false);
  });

  it("matches PrincipalId (taken with ServiceName) and refuses unknown keys", () => {
    expect(
      matchesLookupAttribute(event, "PrincipalId", "34359792600393:ci"),
    ).toBe(true);
    expect(matchesLookupAttribute(event, "Region", "cn-hangzhou")).toBe(false);
  });
});
