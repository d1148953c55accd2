/**
 * ActionTrail Insights of Trailscope's simulated account: the unusual
 * activity the service would have flagged for the woven-in incidents, shaped
 * like `insightEventWireSchema`.
 */
import { isoSeconds } from "./event-factory";
import type { SpecialEvent } from "./generator";
import { INCIDENTS } from "./incidents";
import { ACCOUNT_ID } from "./people";
import { derive, hashString, uuidFrom } from "./prng";

export interface InsightWire {
  eventId: string;
  eventTime: string;
  eventType: "ActionTrailInsight";
  eventVersion: string;
  acsRegion: string;
  recipientAccountId: string;
  insightDetails: {
    insightType: string;
    insightStartTime: string;
    insightEndTime: string;
    state: string;
    insightContext: {
      summary: string;
      accessKeyId?: string;
      userName?: string;
      sourceIpAddress?: string;
      serviceName?: string;
      eventName?: string;
      insightObject?: string;
      baseline?: number;
      observed?: number;
      relatedEventIds: string[];
    };
  };
}

export function buildInsights(
  nowMs: number,
  specials: readonly SpecialEvent[],
  idOf: (tag: string) => string | undefined,
  seed: number,
): InsightWire[] {
  const out: InsightWire[] = [];
  const pick = (predicate: (s: SpecialEvent) => boolean) =>
    specials.filter(predicate);
  const add = (
    key: string,
    region: string,
    insightType: string,
    related: SpecialEvent[],
    context: Omit<
      InsightWire["insightDetails"]["insightContext"],
      "relatedEventIds"
    >,
  ) => {
    if (!related.length) return;
    const times = related.map((s) => s.timeMs);
    const start = Math.min(...times);
    const end = Math.max(...times);
    const h = derive(seed, hashString(`insight:${key}`));
    out.push({
      eventId: uuidFrom(h, derive(h, 1), derive(h, 2), derive(h, 3)),
      eventTime: isoSeconds(Math.min(nowMs - 60_000, end + 10 * 60_000)),
      eventType: "ActionTrailInsight",
      eventVersion: "1",
      acsRegion: region,
      recipientAccountId: ACCOUNT_ID,
      insightDetails: {
        insightType,
        insightStartTime: isoSeconds(start),
        insightEndTime: isoSeconds(end),
        state: "Closed",
        insightContext: {
          ...context,
          relatedEventIds: related
            .map((s) => idOf(s.tag))
            .filter((id): id is string => Boolean(id)),
        },
      },
    });
  };

  const a = INCIDENTS.leakedAccessKey;
  const aEvents = pick((s) => s.incident === "a");
  add("a-ak", a.probeRegion, "AkInsight", aEvents, {
    summary: `AccessKey ${a.accessKeyId} of ${a.userName} was used from ${a.sourceIps.length} addresses and ${a.runRegions.length} regions it has never used, outside its usual hours.`,
    accessKeyId: a.accessKeyId,
    userName: a.userName,
    sourceIpAddress: a.sourceIps[0],
    insightObject: a.accessKeyId,
  });
  add(
    "a-ip-probe",
    a.probeRegion,
    "IpInsight",
    pick((s) => s.incident === "a" && s.region === a.probeRegion),
    {
      summary: `Calls from ${a.sourceIps[0]}, an address never seen for this account, with AccessKey ${a.accessKeyId}.`,
      accessKeyId: a.accessKeyId,
      userName: a.userName,
      sourceIpAddress: a.sourceIps[0],
      serviceName: "Ecs",
      insightObject: a.sourceIps[0],
    },
  );
  for (const region of a.runRegions) {
    const inRegion = pick((s) => s.incident === "a" && s.region === region);
    const ip = inRegion[0]?.sourceIp ?? "";
    add(`a-ip-${region}`, region, "IpInsight", inRegion, {
      summary: `Calls from ${ip}, an address never seen for this account, with AccessKey ${a.accessKeyId}.`,
      accessKeyId: a.accessKeyId,
      userName: a.userName,
      sourceIpAddress: ip,
      serviceName: "Ecs",
      insightObject: ip,
    });
    const runs = inRegion.filter((s) => s.templateKey === "Ecs.RunInstances");
    add(`a-rate-${region}`, region, "ApiCallRateInsight", runs, {
      summary: `RunInstances calls for ${a.instanceType} rose far above their baseline in ${region}.`,
      accessKeyId: a.accessKeyId,
      userName: a.userName,
      serviceName: "Ecs",
      eventName: "RunInstances",
      insightObject: "RunInstances",
      baseline: 0,
      observed: runs.length,
    });
  }

  const c = INCIDENTS.rdsResize;
  const cErrors = pick((s) => s.incident === "c" && Boolean(s.errorCode));
  add(
    "c-errors",
    c.region,
    "ApiErrorRateInsight",
    [...pick((s) => s.tag === "c-modify" || s.tag === "c-restart"), ...cErrors],
    {
      summary: `${cErrors.length} Rds calls failed with ${c.burstErrorCode} on ${c.dbInstanceId} within 15 minutes (baseline: under 1 an hour).`,
      serviceName: "Rds",
      eventName: "DescribeDBInstanceAttribute",
      insightObject: c.dbInstanceId,
      baseline: 0.2,
      observed: cErrors.length,
    },
  );

  const d = INCIDENTS.consoleBruteForce;
  add(
    "d-errors",
    d.region,
    "ApiErrorRateInsight",
    pick((s) => s.incident === "d" && Boolean(s.errorCode)),
    {
      summary: `${d.failedAttempts} failed console sign-ins for ${d.userName} from ${d.failedFromIp} within minutes.`,
      userName: d.userName,
      sourceIpAddress: d.failedFromIp,
      serviceName: "AasSub",
      eventName: "ConsoleSignin",
      insightObject: d.userName,
      baseline: 0,
      observed: d.failedAttempts,
    },
  );
  add(
    "d-ip",
    d.region,
    "IpInsight",
    pick((s) => s.tag === "d-success" || s.tag === "d-after-ram"),
    {
      summary: `${d.userName} signed in to the console from a new address ${d.successIp} without MFA.`,
      userName: d.userName,
      sourceIpAddress: d.successIp,
      serviceName: "AasSub",
      eventName: "ConsoleSignin",
      insightObject: d.userName,
    },
  );

  const e = INCIDENTS.trailDeleted;
  add(
    "e-trail",
    e.homeRegion,
    "TrailConcealmentInsight",
    pick((s) => s.tag === "e-stop" || s.tag === "e-delete"),
    {
      summary: `Trail ${e.trailName} stopped logging and was deleted by ${e.userName}.`,
      userName: e.userName,
      serviceName: "Actiontrail",
      eventName: "DeleteTrail",
      insightObject: e.trailName,
    },
  );

  const f = INCIDENTS.backdoorUser;
  add(
    "f-policy",
    f.region,
    "PolicyChangeInsight",
    pick((s) => s.incident === "f"),
    {
      summary: `${f.userName} created RAM user ${f.createdUser}, granted it ${f.policyName} and created an AccessKey for it.`,
      userName: f.userName,
      serviceName: "Ram",
      eventName: "AttachPolicyToUser",
      insightObject: f.createdUser,
    },
  );

  const h = INCIDENTS.enumeration;
  const hEvents = pick((s) => s.incident === "h" && s.region === h.region);
  add("h-rate", h.region, "ApiCallRateInsight", hEvents, {
    summary: `${h.userName} made read calls to ${new Set(hEvents.map((s) => s.templateKey.split(".")[0])).size} services within an hour.`,
    userName: h.userName,
    accessKeyId: h.accessKeyId,
    sourceIpAddress: h.sourceIp,
    insightObject: h.userName,
    baseline: 0,
    observed: hEvents.length,
  });

  return out;
}
