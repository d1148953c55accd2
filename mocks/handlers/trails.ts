/**
 * Trail management of Trailscope's simulated account: DescribeTrails,
 * GetTrailStatus, CreateTrail, UpdateTrail, DeleteTrail, StartLogging,
 * StopLogging — with the contract's naming, delivery and quota rules.
 */
import type { Account } from "../data/account";
import { isoSeconds } from "../data/event-factory";
import { ACCOUNT_ID } from "../data/people";
import { isRegionId } from "../data/regions";
import { OSS_BUCKETS, RAM_ROLES, SLS_PROJECTS } from "../data/resources";
import {
  emptyTrail,
  ORGANIZATION_ID,
  trailArn,
  type TrailRecord,
} from "../data/trail-state";
import {
  boolParam,
  invalidValue,
  missing,
  RpcError,
  type ActionTable,
  type RpcContext,
} from "./rpc";

export const MAX_TRAILS_PER_REGION = 5;

const NAME_RE = /^[a-z][a-z0-9_-]{5,35}$/;
const BUCKET_RE = /^[a-z0-9][a-z0-9-]{2,62}$/;
const PREFIX_RE = /^[A-Za-z][A-Za-z0-9/_-]{5,31}$/;
const SLS_ARN_RE =
  /^acs:log:([a-z0-9-]+):(\d+):project\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/;
const ROLE_ARN_RE = /^acs:ram::(\d+):role\/([A-Za-z0-9.-]{1,64})$/;
const ODPS_ARN_RE =
  /^acs:odps:([a-z0-9-]+):(\d+):project\/actiontrail_[a-z0-9_]+$/;

function toWire(t: TrailRecord, region: string): Record<string, unknown> {
  return {
    ...t,
    Region: region,
    TrailArn: trailArn(t),
    OrganizationId: t.IsOrganizationTrail ? ORGANIZATION_ID : "",
  };
}

/** A trail name parameter, validated for format. */
function nameParam(params: URLSearchParams): string {
  const name = params.get("Name");
  if (!name) throw missing("Name");
  return name;
}

function homeTrail(
  account: Account,
  region: string,
  name: string,
): TrailRecord {
  const trail = account.trails.get(name);
  if (!trail || trail.HomeRegion !== region)
    throw new RpcError(
      404,
      "TrailNotFoundException",
      `The trail "${name}" does not exist in ${region}.`,
    );
  return trail;
}

type Delivery = Pick<
  TrailRecord,
  | "EventRW"
  | "TrailRegion"
  | "OssBucketName"
  | "OssBucketLocation"
  | "OssKeyPrefix"
  | "OssWriteRoleArn"
  | "SlsProjectArn"
  | "SlsWriteRoleArn"
  | "MaxComputeProjectArn"
  | "MaxComputeWriteRoleArn"
>;

function checkRoleArn(name: string, value: string): void {
  const m = ROLE_ARN_RE.exec(value);
  if (!m || m[1] !== ACCOUNT_ID)
    throw invalidValue(name, `Use acs:ram::${ACCOUNT_ID}:role/<role name>.`);
  if (!RAM_ROLES.some((r) => r.toLowerCase() === m[2]!.toLowerCase())) {
    throw new RpcError(
      400,
      "InvalidParameterValue",
      `The role in ${name} does not exist: ${m[2]}.`,
    );
  }
}

/** Applies and validates the delivery fields given in `params` on top of `base`. */
function readDelivery(
  account: Account,
  params: URLSearchParams,
  base: Delivery,
  self: string | undefined,
): Delivery {
  const next: Delivery = { ...base };
  const rw = params.get("EventRW");
  if (rw !== null) {
    if (rw !== "Write" && rw !== "Read" && rw !== "All")
      throw invalidValue("EventRW", "Use Write, Read or All.");
    next.EventRW = rw;
  }
  const trailRegion = params.get("TrailRegion");
  if (trailRegion !== null) {
    if (trailRegion !== "All" && !isRegionId(trailRegion))
      throw invalidValue("TrailRegion", "Use All or a region ID.");
    next.TrailRegion = trailRegion;
  }
  const field = <K extends keyof Delivery>(key: K) => {
    const value = params.get(key);
    if (value !== null) next[key] = value as Delivery[K];
  };
  field("OssBucketName");
  field("OssKeyPrefix");
  field("OssWriteRoleArn");
  field("SlsProjectArn");
  field("SlsWriteRoleArn");
  field("MaxComputeProjectArn");
  field("MaxComputeWriteRoleArn");

  if (
    !next.OssBucketName &&
    !next.SlsProjectArn &&
    !next.MaxComputeProjectArn
  ) {
    throw new RpcError(
      400,
      "InvalidDeliveryConfigurationException",
      "A trail needs at least one destination: an OSS bucket, a Log Service project or a MaxCompute project.",
    );
  }
  if (next.OssBucketName) {
    if (
      !BUCKET_RE.test(next.OssBucketName) ||
      next.OssBucketName.endsWith("-")
    ) {
      throw new RpcError(
        400,
        "InvalidOssBucketNameException",
        `The bucket name "${next.OssBucketName}" is not valid: 3–63 characters of a-z, 0-9 and -, starting with a letter or digit.`,
      );
    }
    const bucket = OSS_BUCKETS.find(
      (b) => b.name === next.OssBucketName && !b.deleted,
    );
    if (!bucket)
      throw new RpcError(
        404,
        "BucketDoesNotExistException",
        `The bucket "${next.OssBucketName}" does not exist.`,
      );
    const user = [...account.trails.values()].find(
      (t) => t.OssBucketName === bucket.name && t.Name !== self,
    );
    if (user)
      throw new RpcError(
        400,
        "RepeatOssBucket",
        `The bucket "${bucket.name}" already receives the logs of trail ${user.Name}.`,
      );
    next.OssBucketLocation = bucket.region;
    if (next.OssKeyPrefix && !PREFIX_RE.test(next.OssKeyPrefix)) {
      throw new RpcError(
        400,
        "InvalidPrefixException",
        "The OSS key prefix must be 6–32 characters of letters, digits, -, / and _, starting with a letter.",
      );
    }
    if (next.OssWriteRoleArn)
      checkRoleArn("OssWriteRoleArn", next.OssWriteRoleArn);
  } else {
    next.OssBucketLocation = "";
    next.OssKeyPrefix = "";
    next.OssWriteRoleArn = "";
  }
  if (next.SlsProjectArn) {
    const m = SLS_ARN_RE.exec(next.SlsProjectArn);
    if (!m || m[2] !== ACCOUNT_ID)
      throw invalidValue(
        "SlsProjectArn",
        `Use acs:log:<region>:${ACCOUNT_ID}:project/<project name>.`,
      );
    if (!SLS_PROJECTS.some((p) => p.region === m[1] && p.name === m[3])) {
      throw new RpcError(
        400,
        "SlsProjectDoesNotExistException",
        `The Log Service project "${m[3]}" does not exist in ${m[1]}.`,
      );
    }
    if (next.SlsWriteRoleArn)
      checkRoleArn("SlsWriteRoleArn", next.SlsWriteRoleArn);
  } else next.SlsWriteRoleArn = "";
  if (next.MaxComputeProjectArn) {
    const m = ODPS_ARN_RE.exec(next.MaxComputeProjectArn);
    if (!m || m[2] !== ACCOUNT_ID)
      throw invalidValue(
        "MaxComputeProjectArn",
        `Use acs:odps:<region>:${ACCOUNT_ID}:project/actiontrail_<name>.`,
      );
    if (next.MaxComputeWriteRoleArn)
      checkRoleArn("MaxComputeWriteRoleArn", next.MaxComputeWriteRoleArn);
  } else next.MaxComputeWriteRoleArn = "";
  return next;
}

function describeTrails({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const names = params.get("NameList");
  const wanted = names
    ? new Set(
        names
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean),
      )
    : undefined;
  const includeShadow = boolParam(params, "IncludeShadowTrails") ?? false;
  const includeOrg = boolParam(params, "IncludeOrganizationTrail") ?? false;
  const list = [...account.trails.values()]
    .filter((t) => !wanted || wanted.has(t.Name))
    .filter((t) => includeOrg || !t.IsOrganizationTrail)
    .filter(
      (t) =>
        t.HomeRegion === region || (includeShadow && t.TrailRegion === "All"),
    )
    .sort(
      (a, b) =>
        a.CreateTime.localeCompare(b.CreateTime) ||
        a.Name.localeCompare(b.Name),
    )
    .map((t) => toWire(t, region));
  return { TrailList: list };
}

/** ActionTrail writes an OSS file about every 5 minutes while there is activity. */
const OSS_DELIVERY_MS = 5 * 60_000;
/** Log Service receives events within about a minute. */
const SLS_DELIVERY_MS = 60_000;

/**
 * When the trail last delivered, as the service would report it: never
 * before the trail was created or started logging, on its own 5-minute
 * cycle from then, and not after logging stopped. A trail that started
 * logging a minute ago has delivered nothing yet.
 */
export function deliveryTimes(
  trail: Pick<
    TrailRecord,
    "CreateTime" | "StartLoggingTime" | "StopLoggingTime" | "Status"
  >,
  now: number,
): { oss?: number; sls?: number } {
  if (!trail.StartLoggingTime) return {};
  const start = Math.max(
    Date.parse(trail.StartLoggingTime),
    Date.parse(trail.CreateTime) || 0,
  );
  const stop =
    trail.Status !== "Enable" && trail.StopLoggingTime
      ? Math.min(Date.parse(trail.StopLoggingTime), now)
      : now;
  const cycles = Math.floor((stop - start) / OSS_DELIVERY_MS);
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  return {
    oss: cycles >= 1 ? second(start + cycles * OSS_DELIVERY_MS) : undefined,
    sls:
      stop - start >= SLS_DELIVERY_MS
        ? second(Math.max(start + SLS_DELIVERY_MS, stop - SLS_DELIVERY_MS))
        : undefined,
  };
}

function getTrailStatus({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const name = nameParam(params);
  const trail = account.trails.get(name);
  if (!trail || (trail.HomeRegion !== region && trail.TrailRegion !== "All")) {
    throw new RpcError(
      404,
      "TrailNotFoundException",
      `The trail "${name}" does not exist in ${region}.`,
    );
  }
  const current = account.currentTime();
  const logging = trail.Status === "Enable";
  const bucket = trail.OssBucketName
    ? OSS_BUCKETS.find((b) => b.name === trail.OssBucketName)
    : undefined;
  const bucketOk = bucket ? !bucket.deleted : undefined;
  const deliveries = deliveryTimes(trail, current);
  return {
    IsLogging: logging,
    LatestDeliveryTime:
      trail.OssBucketName && bucketOk && deliveries.oss !== undefined
        ? isoSeconds(deliveries.oss)
        : "",
    LatestDeliveryError:
      bucketOk === false
        ? `NoSuchBucket: The specified bucket does not exist. Bucket: ${trail.OssBucketName}`
        : "",
    LatestDeliveryLogServiceTime:
      trail.SlsProjectArn && deliveries.sls !== undefined
        ? isoSeconds(deliveries.sls)
        : "",
    LatestDeliveryLogServiceError: "",
    ...(trail.OssBucketName ? { OssBucketStatus: bucketOk === true } : {}),
    ...(trail.SlsProjectArn ? { SlsLogStoreStatus: true } : {}),
    StartLoggingTime: trail.StartLoggingTime,
    StopLoggingTime: trail.StopLoggingTime,
  };
}

function createTrail({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const name = nameParam(params);
  if (!NAME_RE.test(name)) {
    throw new RpcError(
      400,
      "InvalidTrailNameException",
      "The trail name must be 6–36 characters of a-z, 0-9, - and _, starting with a lowercase letter.",
    );
  }
  if (account.trails.has(name))
    throw new RpcError(
      400,
      "TrailAlreadyExistsException",
      `A trail named "${name}" already exists.`,
    );
  const inRegion = [...account.trails.values()].filter(
    (t) => t.HomeRegion === region,
  ).length;
  if (inRegion >= MAX_TRAILS_PER_REGION) {
    throw new RpcError(
      403,
      "MaximumNumberOfTrailsExceededException",
      `A region can hold at most ${MAX_TRAILS_PER_REGION} trails.`,
    );
  }
  const isOrg = boolParam(params, "IsOrganizationTrail") ?? false;
  if (isOrg) {
    if (!account.info.isManagementAccount) {
      throw new RpcError(
        403,
        "NoPermission",
        "Only the management account of a resource directory can create an organization trail.",
      );
    }
    if ([...account.trails.values()].some((t) => t.IsOrganizationTrail)) {
      throw new RpcError(
        400,
        "MaximumNumberOfOrganizationTrailExceeded",
        "An account can have only one organization trail.",
      );
    }
  }
  const time = isoSeconds(Math.floor(account.currentTime() / 1000) * 1000);
  const base = emptyTrail(name, region, time);
  const delivery = readDelivery(account, params, base, undefined);
  const trail: TrailRecord = {
    ...base,
    ...delivery,
    IsOrganizationTrail: isOrg,
    OrganizationId: isOrg ? ORGANIZATION_ID : "",
  };
  account.trails.set(name, trail);
  account.saveTrails();
  return toWire(trail, region);
}

function updateTrail({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const name = nameParam(params);
  const trail = homeTrail(account, region, name);
  const delivery = readDelivery(account, params, trail, name);
  const updated: TrailRecord = {
    ...trail,
    ...delivery,
    UpdateTime: isoSeconds(Math.floor(account.currentTime() / 1000) * 1000),
  };
  account.trails.set(name, updated);
  account.saveTrails();
  return toWire(updated, region);
}

function deleteTrail({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const name = nameParam(params);
  homeTrail(account, region, name);
  account.trails.delete(name);
  account.saveTrails();
  return {};
}

function setLogging(on: boolean) {
  return ({ account, region, params }: RpcContext): Record<string, unknown> => {
    const name = nameParam(params);
    const trail = homeTrail(account, region, name);
    const time = isoSeconds(Math.floor(account.currentTime() / 1000) * 1000);
    const next: TrailRecord = on
      ? { ...trail, Status: "Enable", StartLoggingTime: time, UpdateTime: time }
      : {
          ...trail,
          Status: "Disable",
          StopLoggingTime: time,
          UpdateTime: time,
        };
    account.trails.set(name, next);
    account.saveTrails();
    return {};
  };
}

export const trailActions: ActionTable = {
  DescribeTrails: { write: false, rateLimit: 100, handle: describeTrails },
  GetTrailStatus: { write: false, rateLimit: 100, handle: getTrailStatus },
  CreateTrail: {
    write: true,
    rateLimit: 5,
    handle: createTrail,
    recorded: true,
  },
  UpdateTrail: {
    write: true,
    rateLimit: 5,
    handle: updateTrail,
    recorded: true,
  },
  DeleteTrail: {
    write: true,
    rateLimit: 5,
    handle: deleteTrail,
    recorded: true,
  },
  StartLogging: {
    write: true,
    rateLimit: 5,
    handle: setLogging(true),
    recorded: true,
  },
  StopLogging: {
    write: true,
    rateLimit: 5,
    handle: setLogging(false),
    recorded: true,
  },
};
