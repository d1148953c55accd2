import { describe, expect, it } from "vitest";
import {
  createAccount,
  TRAILS_STORAGE_KEY,
  type KeyValueStorage,
} from "@mocks/data/account";
import { CONSOLE_IDENTITIES } from "@mocks/data/console-identities";
import { installAccount } from "@mocks/node";
import { isoSec, once, rpcError } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const HZ = "cn-hangzhou";

/** An account whose clock moves on by one second per call, as a console's would. */
function setup(storage?: KeyValueStorage) {
  let now = NOW;
  const account = installAccount({
    now: NOW,
    clock: () => (now += 1000),
    rateLimits: false,
    storage,
  });
  return account;
}

const byName = (eventName: string, region = HZ) =>
  once(region, "LookupEvents", {
    LookupAttribute: [{ Key: "EventName", Value: eventName }],
  });

describe("the console's own trail calls leave a trace in ActionTrail", () => {
  it("records CreateTrail, StopLogging, StartLogging, UpdateTrail and DeleteTrail by the admin, found by the event search at once", async () => {
    setup();
    await once(HZ, "CreateTrail", {
      Name: "journey-trail-01",
      OssBucketName: "ops-logs-hz",
      EventRW: "All",
    });
    await once(HZ, "StartLogging", { Name: "journey-trail-01" });
    await once(HZ, "StopLogging", { Name: "journey-trail-01" });
    await once(HZ, "UpdateTrail", {
      Name: "journey-trail-01",
      EventRW: "Write",
    });
    await once(HZ, "DeleteTrail", { Name: "journey-trail-01" });

    const admin = CONSOLE_IDENTITIES.admin;
    for (const action of [
      "CreateTrail",
      "StartLogging",
      "StopLogging",
      "UpdateTrail",
      "DeleteTrail",
    ]) {
      const found = (await byName(action)).events.filter(
        (e) => e.resourceName === "journey-trail-01",
      );
      expect(found.map((e) => e.name)).toEqual([action]);
      const event = found[0]!;
      expect(event).toMatchObject({
        name: action,
        type: "ApiCall",
        rw: "Write",
        service: "Actiontrail",
        region: HZ,
        source: "actiontrail.cn-hangzhou.aliyuncs.com",
        identityType: "ram-user",
        userName: admin.userName,
        accessKeyId: admin.accessKeyId,
        resourceType: "ACS::ActionTrail::Trail",
        errorCode: "",
      });
      expect(event.sourceIp).not.toBe("");
      expect(event.userAgent).not.toBe("");
      expect(event.raw.requestParameters).toMatchObject({
        Name: "journey-trail-01",
        RegionId: HZ,
      });
      expect(event.raw.requestParameters).not.toHaveProperty("Action");
    }
    const created = (await byName("CreateTrail")).events.find(
      (e) => e.resourceName === "journey-trail-01",
    )!;
    expect(created.raw.requestParameters).toMatchObject({
      OssBucketName: "ops-logs-hz",
      EventRW: "All",
    });
    expect(created.raw.responseElements).toMatchObject({
      Name: "journey-trail-01",
      HomeRegion: HZ,
    });
    const stop = (await byName("StopLogging")).events.find(
      (e) => e.resourceName === "journey-trail-01",
    )!;
    expect(stop.sensitive).toBe(true);
    // Found by the user who did it and by the resource, as any event is.
    const mine = await once(HZ, "LookupEvents", {
      LookupAttribute: [
        { Key: "ServiceName", Value: "Actiontrail" },
        { Key: "User", Value: admin.userName },
      ],
    });
    expect(mine.events.map((e) => e.name)).toEqual([
      "DeleteTrail",
      "UpdateTrail",
      "StopLogging",
      "StartLogging",
      "CreateTrail",
    ]);
    const byId = await once(HZ, "LookupEvents", {
      LookupAttribute: [{ Key: "EventId", Value: stop.id }],
    });
    expect(byId.events.map((e) => e.id)).toEqual([stop.id]);
  });

  it("records a refused call as a failed event with its errorCode, by the auditor who made it", async () => {
    const account = setup();
    account.identity = "auditor";
    expect(
      (await rpcError(HZ, "StopLogging", { Name: "org-audit-all" })).code,
    ).toBe("NoPermission");
    account.identity = "admin";
    expect(
      (
        await rpcError(HZ, "CreateTrail", {
          Name: "Bad Name",
          OssBucketName: "ops-logs-hz",
        })
      ).code,
    ).toBe("InvalidTrailNameException");
    const stops = (await byName("StopLogging")).events.filter(
      (e) => e.userName === CONSOLE_IDENTITIES.auditor.userName,
    );
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({
      errorCode: "NoPermission",
      resourceName: "org-audit-all",
    });
    expect(stops[0]!.errorMessage).toContain("not authorized");
    const creates = (await byName("CreateTrail")).events.filter(
      (e) => e.userName === CONSOLE_IDENTITIES.admin.userName,
    );
    expect(creates[0]).toMatchObject({
      errorCode: "InvalidTrailNameException",
      resourceName: "Bad Name",
    });
  });

  it("records the call in the region called, not elsewhere", async () => {
    setup();
    await once("cn-shanghai", "StopLogging", { Name: "ops-shanghai-trail" });
    expect(
      (await byName("StopLogging", "cn-shanghai")).events.filter(
        (e) => e.resourceName === "ops-shanghai-trail",
      ),
    ).toHaveLength(1);
    expect(
      (await byName("StopLogging", HZ)).events.filter(
        (e) => e.resourceName === "ops-shanghai-trail",
      ),
    ).toHaveLength(0);
  });

  it("keeps the recorded events with the trails across a reload", async () => {
    const data = new Map<string, string>();
    const storage: KeyValueStorage = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const first = setup(storage);
    await once(HZ, "CreateTrail", {
      Name: "kept-trail-01",
      SlsProjectArn: "acs:log:cn-hangzhou:1498326459723841:project/app-logs-hz",
    });
    expect(first.recorded).toHaveLength(1);
    expect(data.has(TRAILS_STORAGE_KEY)).toBe(true);
    const later = NOW + 3 * 60_000;
    const second = createAccount({
      seed: first.seed,
      anchor: first.anchor,
      now: later,
      clock: () => later,
      scale: 0.001,
      storage,
    });
    expect(second.trails.has("kept-trail-01")).toBe(true);
    const store = second.store(HZ);
    const row = store.findEventId(first.recorded[0]!.event.id);
    expect(row).toBeDefined();
    expect(store.materialize(row!)).toEqual(first.recorded[0]!.raw);
    expect(isoSec(store.timeSec(row!) * 1000)).toBe(
      first.recorded[0]!.event.time,
    );
  });
});
