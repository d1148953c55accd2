/**
 * Incidents a visitor can set off from Settings in the simulated account
 * ("Simulate: stop a trail", "Simulate: make a bucket public"), so a new user
 * sees an alert fire within a minute. Each is what an intruder's call leaves:
 * the account changes (the trail stops logging) and ActionTrail records the
 * event at the account's current time, found by LookupEvents at once.
 */
import type { SimulatedIncident } from "@/lib/demo-controls";
import type { Account } from "./account";
import { template } from "./catalog";
import { isoSeconds } from "./event-factory";
import { ACCOUNT_ID } from "./people";
import { derive, hashString, uuidFrom } from "./prng";
import { toRecorded } from "./recorded-events";
import { OSS_BUCKETS } from "./resources";

/** The simulated intruder: a RAM user whose AccessKey leaked. */
const INTRUDER = {
  type: "ram-user",
  principalId: "276519843307712466",
  accountId: ACCOUNT_ID,
  userName: "svc-backup-sync",
  accessKeyId: "LTAI5tSimLeak7Hq2Rw",
};
const INTRUDER_IP = "45.77.12.201";
const INTRUDER_AGENT = "aliyun-cli/3.0.204";

export interface IncidentResult {
  /** What was changed: the trail or bucket named. */
  target: string;
  eventName: string;
}

function record(
  account: Account,
  key: string,
  region: string,
  resource: string,
  requestParameters: Record<string, unknown>,
): void {
  const tpl = template(key);
  const timeMs = Math.floor(account.currentTime() / 1000) * 1000;
  const h = hashString(`simulated|${key}|${timeMs}|${account.recorded.length}`);
  const requestId = uuidFrom(derive(h, 7), derive(h, 8), derive(h, 9), h);
  const event: Record<string, unknown> = {
    eventId: uuidFrom(h, derive(h, 1), derive(h, 2), derive(h, 3)),
    eventVersion: 1,
    eventTime: isoSeconds(timeMs),
    eventName: tpl.name,
    eventType: "ApiCall",
    eventRW: tpl.rw,
    eventCategory: "Management",
    eventSource: tpl.service.host(region),
    serviceName: tpl.service.name,
    apiVersion: tpl.service.apiVersion,
    acsRegion: region,
    isGlobal: false,
    requestId,
    sourceIpAddress: INTRUDER_IP,
    userAgent: INTRUDER_AGENT,
    userIdentity: INTRUDER,
    requestParameters: { RegionId: region, ...requestParameters },
    responseElements: { RequestId: requestId },
    resourceType: tpl.resourceType ?? "",
    resourceName: resource,
    recipientAccountId: ACCOUNT_ID,
  };
  if (tpl.sensitive) event.eventAttributes = { SensitiveAction: "true" };
  const recorded = toRecorded(event);
  if (recorded) account.recordEvent(recorded);
}

const deliversWell = (bucket: string): boolean =>
  !bucket || OSS_BUCKETS.some((b) => b.name === bucket && !b.deleted);

/** Stops the first logging trail (by name) that still delivers, and records the StopLogging call. */
function stopTrail(account: Account): IncidentResult {
  const trail = [...account.trails.values()]
    .filter((t) => t.Status === "Enable" && deliversWell(t.OssBucketName))
    .sort((a, b) => (a.Name < b.Name ? -1 : 1))[0];
  if (!trail) throw new Error("No trail is logging: there is none to stop.");
  const time = isoSeconds(Math.floor(account.currentTime() / 1000) * 1000);
  account.trails.set(trail.Name, {
    ...trail,
    Status: "Disable",
    StopLoggingTime: time,
    UpdateTime: time,
  });
  record(account, "Actiontrail.StopLogging", trail.HomeRegion, trail.Name, {
    Name: trail.Name,
  });
  return { target: trail.Name, eventName: "StopLogging" };
}

/** Makes a bucket public-read and records the PutBucketAcl call. */
function publicBucket(account: Account): IncidentResult {
  const bucket = OSS_BUCKETS.find((b) => !b.deleted);
  if (!bucket) throw new Error("The account has no bucket to make public.");
  record(account, "Oss.PutBucketAcl", bucket.region, bucket.name, {
    BucketName: bucket.name,
    "x-oss-acl": "public-read",
  });
  return { target: bucket.name, eventName: "PutBucketAcl" };
}

export function simulateIncident(
  account: Account,
  kind: SimulatedIncident,
): IncidentResult {
  return kind === "stop-trail" ? stopTrail(account) : publicBucket(account);
}
