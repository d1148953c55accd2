import { t } from "@lingui/core/macro";
import type { Trail, TrailEventRW, TrailStatus } from "@/api/schemas/trail";

/** The most trails one region may hold (MaximumNumberOfTrailsExceededException beyond it). */
export const MAX_TRAILS_PER_REGION = 5;

export type Destination = "OSS" | "Log Service" | "MaxCompute";

/** A copy of an all-region trail, seen from a region other than its home. */
export const isShadowTrail = (trail: Trail, region: string): boolean =>
  Boolean(trail.homeRegion) && trail.homeRegion !== region;

/** Trails that live in (and count against the quota of) a region. */
export const homeTrails = (trails: Trail[], region: string): Trail[] =>
  trails.filter((t) => !isShadowTrail(t, region));

export const coversAllRegions = (trail: Trail): boolean =>
  trail.trailRegion === "" || trail.trailRegion.toLowerCase() === "all";

export function regionsCoveredText(trail: Trail): string {
  return coversAllRegions(trail)
    ? t`All regions`
    : trail.trailRegion || trail.homeRegion;
}

export function destinationsOf(trail: Trail): Destination[] {
  const out: Destination[] = [];
  if (trail.ossBucketName) out.push("OSS");
  if (trail.slsProjectArn) out.push("Log Service");
  if (trail.maxComputeProjectArn) out.push("MaxCompute");
  return out;
}

// Labels read through getters, so each read speaks the language in effect.
export const STATUS_TEXT: Record<TrailStatus, string> = {
  get Fresh() {
    return t`Fresh (never started)`;
  },
  get Enable() {
    return t`Enable (logging)`;
  },
  get Disable() {
    return t`Disable (stopped)`;
  },
};

export const STATUS_TONE: Record<TrailStatus, "ok" | "warn" | "danger"> = {
  Fresh: "warn",
  Enable: "ok",
  Disable: "danger",
};

export const EVENT_RW_TEXT: Record<TrailEventRW, string> = {
  get Write() {
    return t`Write events`;
  },
  get Read() {
    return t`Read events`;
  },
  get All() {
    return t`Read and write events`;
  },
};

/** A destination's name in the console's language (日志服务 SLS, 对象存储 OSS…). */
export function destinationText(destination: Destination): string {
  if (destination === "Log Service") return t`Log Service`;
  if (destination === "OSS") return t`OSS`;
  return t`MaxCompute`;
}

/** `project/<name>` out of `acs:log:<region>:<account>:project/<name>`. */
export function parseProjectArn(
  arn: string,
): { region: string; accountId: string; name: string } | undefined {
  const match = /^acs:(?:log|odps):([^:]*):([^:]*):project\/(.+)$/.exec(arn);
  if (!match) return undefined;
  return {
    region: match[1] ?? "",
    accountId: match[2] ?? "",
    name: match[3] ?? "",
  };
}

export const slsProjectArn = (
  region: string,
  accountId: string,
  project: string,
): string => `acs:log:${region}:${accountId}:project/${project}`;

/** A role name becomes `acs:ram::<account>:role/<role>`; a full ARN stays as typed. */
export function roleArn(role: string, accountId: string): string {
  const trimmed = role.trim();
  if (!trimmed) return "";
  return trimmed.startsWith("acs:")
    ? trimmed
    : `acs:ram::${accountId}:role/${trimmed.toLowerCase()}`;
}

/** Where the Log Service delivery writes: logstore `actiontrail_<trail name>`. */
export const logstoreName = (trailName: string): string =>
  `actiontrail_${trailName}`;

/** The OSS object path pattern of delivered files. */
export function ossPathPattern(
  trail: Pick<Trail, "ossBucketName" | "ossKeyPrefix" | "isOrganizationTrail">,
): string {
  const prefix = trail.ossKeyPrefix.replace(/^\/+|\/+$/g, "");
  const parts = [trail.ossBucketName];
  if (prefix) parts.push(prefix);
  parts.push("AliyunLogs", "Actiontrail");
  if (trail.isOrganizationTrail) parts.push("<rd_id>", "<accountId>");
  parts.push("<RegionId>", "<YYYY>", "<MM>", "<DD>", "…");
  return parts.join("/");
}

/** ActionTrail times are UTC `yyyy-MM-ddTHH:mm:ssZ` (sometimes without the Z); undefined when absent. */
export function parseApiTime(value: string): number | undefined {
  if (!value) return undefined;
  const normalised = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(normalised);
  return Number.isFinite(ms) ? ms : undefined;
}
