import { describe, expect, it } from "vitest";
import { makeEvent } from "@/lib/audit-event-factory";
import {
  looksLikeAccessKey,
  looksLikeAddress,
  namedResources,
  readingsOf,
  type ProbeResults,
} from "./detect-target";

const T = Date.UTC(2026, 5, 1, 8, 0);
const INSTANCE = "ACS::ECS::Instance";

const none: ProbeResults = {
  user: 0,
  accessKey: 0,
  ip: 0,
  resource: { events: 0, type: "" },
  named: [],
};

describe("resources named by their events", () => {
  it("finds the ID beside a name in an answer's list, and counts the events naming it", () => {
    const listed = (n: number) =>
      makeEvent({
        time: T + n,
        name: "DescribeInstanceStatus",
        resourceType: INSTANCE,
        response: {
          InstanceStatuses: {
            InstanceStatus: [
              { InstanceStatusId: "i-abc111aaa", InstanceStatusName: "edge-7" },
              { InstanceStatusId: "i-abc222bbb", InstanceStatusName: "edge-8" },
            ],
          },
        },
      });
    expect(namedResources([listed(1), listed(2)], "edge-8")).toEqual([
      { id: "i-abc222bbb", name: "edge-8", type: INSTANCE, events: 2 },
    ]);
  });

  it("takes the resource of an event whose request names it without an ID beside the name", () => {
    const created = makeEvent({
      time: T,
      name: "RunInstances",
      resourceType: INSTANCE,
      resourceName: "i-new000xyz",
      params: { InstanceName: "batch-3", ImageId: "m-img00001" },
    });
    expect(namedResources([created], "batch-3")).toEqual([
      { id: "i-new000xyz", name: "batch-3", type: INSTANCE, events: 1 },
    ]);
  });

  it("reads the ID key that goes with the name key when a node has several IDs", () => {
    const db = makeEvent({
      time: T,
      name: "DescribeDBInstanceAttribute",
      resourceType: "ACS::RDS::DBInstance",
      response: {
        DBInstanceId: "rm-zz9db0001",
        VpcId: "vpc-zz9net001",
        DBInstanceDescription: "ledger-db",
      },
    });
    expect(namedResources([db], "ledger-db").map((r) => r.id)).toEqual([
      "rm-zz9db0001",
    ]);
  });

  it("names nothing for a near miss, a user's name, or a name only in an unrelated field", () => {
    const events = [
      makeEvent({
        time: T,
        name: "DescribeInstances",
        response: { InstanceId: "i-abc333ccc", InstanceName: "edge-80" },
      }),
      makeEvent({
        time: T,
        name: "CreateAccessKey",
        resourceType: "ACS::RAM::AccessKey",
        resourceName: "LTAI5tSomeKey000",
        params: { UserName: "edge-8" },
      }),
      makeEvent({
        time: T,
        name: "TagResources",
        params: { Comment: "edge-8", ResourceId: "i-abc444ddd" },
      }),
    ];
    expect(namedResources(events, "edge-8")).toEqual([]);
  });

  it("treats a key named __proto__ as data", () => {
    const odd = makeEvent({
      time: T,
      name: "DescribeInstances",
      response: JSON.parse(
        '{"__proto__": {"InstanceName": "edge-9", "InstanceId": "i-proto0001"}}',
      ) as Record<string, unknown>,
    });
    expect(namedResources([odd], "edge-9").map((r) => r.id)).toEqual([
      "i-proto0001",
    ]);
    expect(({} as Record<string, unknown>).InstanceName).toBeUndefined();
  });
});

describe("the readings the probes back", () => {
  it("chooses the one reading when only a name matched", () => {
    expect(
      readingsOf("edge-8", {
        ...none,
        named: [
          { id: "i-abc222bbb", name: "edge-8", type: INSTANCE, events: 3 },
        ],
      }),
    ).toEqual([
      { to: "resource", id: "i-abc222bbb", name: "edge-8", type: INSTANCE },
    ]);
  });

  it("offers every reading when a user and a resource share the value, the resource first", () => {
    expect(
      readingsOf("edge-8", {
        ...none,
        user: 1,
        named: [
          { id: "i-abc222bbb", name: "edge-8", type: INSTANCE, events: 3 },
          { id: "i-abc999zzz", name: "edge-8", type: INSTANCE, events: 1 },
        ],
      }).map((r) => (r.to === "resource" ? r.id : r.kind)),
    ).toEqual(["i-abc222bbb", "i-abc999zzz", "user"]);
  });

  it("says AccessKey, address or resource ID when the service found it so, and nothing when nothing did", () => {
    expect(readingsOf("LTAI5tAbc12345678", { ...none, accessKey: 1 })).toEqual([
      { to: "identity", kind: "accessKey", value: "LTAI5tAbc12345678" },
    ]);
    expect(readingsOf("198.51.100.9", { ...none, ip: 1 })).toEqual([
      { to: "identity", kind: "ip", value: "198.51.100.9" },
    ]);
    expect(
      readingsOf("sg-abc0001", {
        ...none,
        resource: { events: 1, type: "ACS::ECS::SecurityGroup" },
      }),
    ).toEqual([
      { to: "resource", id: "sg-abc0001", type: "ACS::ECS::SecurityGroup" },
    ]);
    expect(readingsOf("nobody", none)).toEqual([]);
  });

  it("looks values up as AccessKeys and addresses only when they have the shape", () => {
    expect(looksLikeAccessKey("LTAI5tCiDeploy7Qx9")).toBe(true);
    expect(looksLikeAccessKey("STS.NUgYrLnoP3sVk9")).toBe(true);
    expect(looksLikeAccessKey("li.wei")).toBe(false);
    expect(looksLikeAddress("203.0.113.24")).toBe(true);
    expect(looksLikeAddress("2001:db8::1")).toBe(true);
    expect(looksLikeAddress("prod-web-01")).toBe(false);
  });
});
