import { describe, expect, it } from "vitest";
import { createAccount, type Account } from "./account";
import { INCIDENTS } from "./incidents";
import { OSS_BUCKETS } from "./resources";
import type { TrailRecord } from "./trail-state";

const ANCHOR = Date.UTC(2026, 10, 23, 6, 30);
const DAY = 86_400_000;
/** Where the account keeps trails and buckets. */
const REGIONS = [
  "cn-hangzhou",
  "cn-shanghai",
  "ap-southeast-1",
  "eu-central-1",
];

interface Change {
  time: number;
  name: string;
  target: string;
}

/** Every successful write of a service in the dataset, oldest first. */
function writes(account: Account, service: string): Change[] {
  const out: Change[] = [];
  for (const region of REGIONS) {
    const store = account.store(region);
    const match = store.matcher([
      { key: "ServiceName", value: service },
      { key: "EventRW", value: "Write" },
    ]);
    for (let i = 0; i < store.size; i++) {
      if (!match(i)) continue;
      const e = store.materialize(i) as {
        eventName: string;
        eventTime: string;
        errorCode?: string;
        resourceName?: string;
      };
      if (e.errorCode) continue;
      out.push({
        time: Date.parse(e.eventTime),
        name: e.eventName,
        target: e.resourceName ?? "",
      });
    }
  }
  return out.sort((a, b) => a.time - b.time);
}

describe("the incidents and the trails tell one story", () => {
  // Scale 1 over the regions that hold trails and buckets: any background
  // call that contradicted them would show up here.
  const opened = ANCHOR + 3 * DAY;
  const account = createAccount({
    seed: 20261123,
    anchor: ANCHOR,
    now: opened,
    clock: () => opened,
    scale: 1,
  });
  const trailCalls = writes(account, "Actiontrail");

  it("replaying the trail calls of the 90 days gives the trails the account shows", () => {
    const trails = new Map<string, TrailRecord["Status"] | "deleted">();
    for (const t of account.trails.values())
      if (Date.parse(t.CreateTime) < opened - 90 * DAY)
        trails.set(t.Name, t.Status === "Enable" ? "Enable" : t.Status);
    // Start from what was before the window: replay from each trail's creation.
    const state = new Map<string, TrailRecord["Status"] | "deleted">();
    const contradictions: string[] = [];
    for (const call of trailCalls) {
      const before = state.get(call.target);
      const at = `${call.name} ${call.target} at ${new Date(call.time).toISOString()}`;
      if (call.name === "CreateTrail") {
        if (before !== undefined && before !== "deleted")
          contradictions.push(`${at}: the trail already exists`);
        state.set(call.target, "Fresh");
        continue;
      }
      if (before === undefined && !trails.has(call.target))
        contradictions.push(`${at}: no such trail`);
      if (before === "deleted")
        contradictions.push(`${at}: the trail was deleted`);
      if (call.name === "StartLogging") state.set(call.target, "Enable");
      if (call.name === "StopLogging") state.set(call.target, "Disable");
      if (call.name === "DeleteTrail") state.set(call.target, "deleted");
    }
    for (const [name, status] of state) {
      const shown = account.trails.get(name)?.Status ?? "deleted";
      if (shown !== status)
        contradictions.push(
          `${name}: the events say ${status}, the trails ${shown}`,
        );
    }
    expect(contradictions).toEqual([]);
    expect(state.get(INCIDENTS.trailDeleted.trailName)).toBe("deleted");
    // Nothing in the 90 days touches the organisation trail, which still logs.
    expect(trailCalls.filter((c) => c.target === "org-audit-all")).toEqual([]);
    expect(account.trails.get("org-audit-all")?.Status).toBe("Enable");
  });

  it("has a CreateTrail, StartLogging or StopLogging event at every such time a trail shows within the 90 days", () => {
    for (const t of account.trails.values()) {
      const shown: [string, string][] = [
        ["CreateTrail", t.CreateTime],
        ["StartLogging", t.StartLoggingTime],
        ["StopLogging", t.StopLoggingTime],
      ];
      for (const [name, time] of shown) {
        if (!time || Date.parse(time) < opened - 90 * DAY) continue;
        expect(
          trailCalls.some(
            (c) =>
              c.name === name &&
              c.target === t.Name &&
              c.time === Date.parse(time),
          ),
        ).toBe(true);
      }
    }
  });

  it("never writes to a bucket after it is deleted, and deletes exactly the buckets the account lists as gone", () => {
    const bucketCalls = writes(account, "Oss");
    const deleted = new Map<string, number>();
    for (const call of bucketCalls) {
      expect({ call, deleted: deleted.has(call.target) }).toEqual({
        call,
        deleted: false,
      });
      if (call.name === "DeleteBucket") deleted.set(call.target, call.time);
    }
    expect([...deleted.keys()].sort()).toEqual(
      OSS_BUCKETS.filter((b) => b.deleted)
        .map((b) => b.name)
        .sort(),
    );
    // The finance bucket is made public by the incident and by nothing else.
    const finance = bucketCalls.filter(
      (c) => c.target === INCIDENTS.publicBucket.bucket,
    );
    expect(finance.map((c) => c.name)).toEqual([
      "PutBucketAcl",
      "PutBucketAcl",
    ]);
  });
});
