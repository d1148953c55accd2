import { describe, expect, it } from "vitest";
import type { LookupAttribute } from "@/api/schemas/event";
import { installAccount } from "@mocks/node";
import { once } from "@mocks/testing/helpers";
import { INCIDENTS } from "./incidents";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const setup = () =>
  installAccount({ now: NOW, clock: () => NOW, rateLimits: false });
const attrs = (...pairs: [string, string][]) =>
  pairs.map(([Key, Value]) => ({ Key, Value })) as LookupAttribute[];
const local = (ms: number) => new Date(ms + 8 * 3_600_000);

/** What the console's default search (last 7 days) finds for one filter. */
async function find(region: string, ...pairs: [string, string][]) {
  const out = [];
  let token: string | undefined;
  do {
    const page = await once(region, "LookupEvents", {
      LookupAttribute: attrs(...pairs),
      MaxResults: 50,
      NextToken: token,
    });
    out.push(...page.events);
    token = page.nextToken;
  } while (token);
  return out;
}

describe("incidents in the last 7 days", () => {
  it("puts every incident event after now − 7 days and before now", () => {
    const account = setup();
    const recent = account.specials.filter(
      (s) => !["e-create", "e-start", "g-acl-private"].includes(s.tag),
    );
    for (const s of recent) {
      expect({ tag: s.tag, after: s.timeMs > NOW - 7 * 86_400_000 }).toEqual({
        tag: s.tag,
        after: true,
      });
      expect({ tag: s.tag, before: s.timeMs < NOW }).toEqual({
        tag: s.tag,
        before: true,
      });
    }
  });

  it("(a) the leaked CI key: foreign addresses at night starting GPU instances in four regions", async () => {
    setup();
    const a = INCIDENTS.leakedAccessKey;
    for (const region of a.runRegions) {
      const runs = (
        await find(
          region,
          ["EventName", "RunInstances"],
          ["ServiceName", "Ecs"],
        )
      ).filter((e) => e.accessKeyId === a.accessKeyId);
      expect({ region, found: runs.length > 0 }).toEqual({
        region,
        found: true,
      });
      for (const run of runs) {
        expect(a.sourceIps).toContain(run.sourceIp);
        expect(run.userName).toBe(a.userName);
        expect(
          (run.raw.requestParameters as Record<string, unknown>).InstanceType,
        ).toBe(a.instanceType);
        const hour = local(run.timeMs).getUTCHours();
        expect(hour >= 1 && hour < 4).toBe(true);
      }
    }
    const probes = await find(a.probeRegion, [
      "SourceIpAddress",
      a.sourceIps[0],
    ]);
    expect(probes.map((e) => e.name)).toContain("DescribeRegions");
    const usual = await find(a.probeRegion, [
      "EventAccessKeyId",
      a.accessKeyId,
    ]);
    expect(usual.some((e) => e.sourceIp.startsWith("198.51.100.4"))).toBe(true);
  });

  it("(b) prod-web-01 stopped from the console by li.wei at 14:12", async () => {
    setup();
    const b = INCIDENTS.stoppedProdInstance;
    const [stop] = await find(
      b.region,
      ["ResourceName", b.instanceId],
      ["EventName", "StopInstance"],
    );
    expect(stop).toMatchObject({
      userName: b.userName,
      sourceIp: b.sourceIp,
      type: "ConsoleOperation",
      userAgent: "AliyunConsole",
      accessKeyId: "",
    });
    expect(local(stop!.timeMs).toISOString().slice(11, 16)).toBe(b.localTime);
  });

  it("(c) RDS resize and restart minutes before a burst of errors", async () => {
    setup();
    const c = INCIDENTS.rdsResize;
    const events = await find(
      c.region,
      ["ResourceName", c.dbInstanceId],
      ["ServiceName", "Rds"],
    );
    const modify = events.find(
      (e) => e.name === "ModifyDBInstanceSpec" && e.userName === c.userName,
    )!;
    const restart = events.find(
      (e) => e.name === "RestartDBInstance" && e.userName === c.userName,
    )!;
    expect(
      (modify.raw.requestParameters as Record<string, unknown>).DBInstanceClass,
    ).toBe(c.toClass);
    expect(
      JSON.stringify(
        events.find(
          (e) =>
            e.name === "DescribeDBInstanceAttribute" &&
            e.userName === c.userName,
        )?.raw,
      ),
    ).toContain(c.fromClass);
    const burst = events.filter(
      (e) =>
        e.errorCode === c.burstErrorCode &&
        e.timeMs > restart.timeMs &&
        e.timeMs < restart.timeMs + 30 * 60_000,
    );
    expect(burst.length).toBeGreaterThanOrEqual(20);
    expect(restart.timeMs).toBeGreaterThan(modify.timeMs);
  });

  it("(d) a dozen failed sign-ins for chen.jie, then one without MFA from a new address", async () => {
    setup();
    const d = INCIDENTS.consoleBruteForce;
    const signins = (
      await find(
        d.region,
        ["EventType", "ConsoleSignin"],
        ["EventName", "ConsoleSignin"],
      )
    ).filter(
      (e) => e.userName === d.userName && e.timeMs > NOW - 7 * 86_400_000,
    );
    const failed = signins.filter(
      (e) => e.errorCode && e.sourceIp === d.failedFromIp,
    );
    expect(failed).toHaveLength(d.failedAttempts);
    const ok = signins.find((e) => !e.errorCode && e.sourceIp === d.successIp)!;
    expect(ok.mfa).toBe(false);
    expect((ok.raw.additionalEventData as Record<string, string>).MFAUsed).toBe(
      "false",
    );
    expect(ok.timeMs - Math.max(...failed.map((e) => e.timeMs))).toBeLessThan(
      30 * 60_000,
    );
  });

  it("(e) prod-audit-trail stopped then deleted by wang.fang", async () => {
    setup();
    const e = INCIDENTS.trailDeleted;
    const events = await find(
      e.homeRegion,
      ["ResourceName", e.trailName],
      ["ServiceName", "Actiontrail"],
    );
    const recent = events
      .filter((x) => x.timeMs > NOW - 7 * 86_400_000)
      .map((x) => x.name)
      .reverse();
    expect(recent).toEqual(["GetTrailStatus", "StopLogging", "DeleteTrail"]);
    expect(events.every((x) => x.userName === e.userName)).toBe(true);
  });

  it("(f) backup-admin created with AdministratorAccess and an AccessKey by temp-contractor", async () => {
    setup();
    const f = INCIDENTS.backdoorUser;
    const events = (
      await find(
        f.region,
        ["ResourceName", f.createdUser],
        ["ServiceName", "Ram"],
      )
    ).reverse();
    expect(events.map((e) => e.name)).toEqual([
      "CreateUser",
      "AttachPolicyToUser",
      "CreateAccessKey",
    ]);
    expect(events.every((e) => e.userName === f.userName)).toBe(true);
    expect(events[1]!.raw.requestParameters).toMatchObject({
      PolicyName: f.policyName,
      PolicyType: f.policyType,
      UserName: f.createdUser,
    });
  });

  it("(g) finance-reports-2026 made public-read after an earlier private ACL", async () => {
    const account = setup();
    const g = INCIDENTS.publicBucket;
    const events = await find(
      g.region,
      ["ResourceName", g.bucket],
      ["EventName", "PutBucketAcl"],
    );
    const acl = events.map(
      (e) => (e.raw.requestParameters as Record<string, string>)["x-oss-acl"],
    );
    expect(acl[0]).toBe(g.acl);
    expect(events[0]!.userName).toBe(g.userName);
    const earlier = account.specials.find((s) => s.tag === "g-acl-private")!;
    expect(earlier.requestParameters?.["x-oss-acl"]).toBe(g.previousAcl);
  });

  it("(h) ReadOnlyScanner enumerating at least 10 services within an hour", async () => {
    setup();
    const h = INCIDENTS.enumeration;
    const events = await find(h.region, ["RoleName", h.roleName]);
    const services = new Set(events.map((e) => e.service));
    expect(services.size).toBeGreaterThanOrEqual(h.minServices);
    const times = events.map((e) => e.timeMs);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(3_600_000);
    expect(
      events.every(
        (e) => e.userName === h.userName && /^(Describe|List|Get)/.test(e.name),
      ),
    ).toBe(true);
  });
});
