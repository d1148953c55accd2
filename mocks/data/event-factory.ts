/**
 * Turns one row of a region's columns into the full ActionTrail event object,
 * and answers the few per-row questions LookupEvents filters on (source IP,
 * AccessKey, resource name, event ID) without building the whole event.
 */
import {
  TEMPLATES,
  type CallContext,
  type EventTemplate,
  type Resource,
  type ResourcePools,
  resourceTypeOf,
} from "./catalog";
import {
  EVENT_TYPES,
  FLAG_ERROR,
  FLAG_SPECIAL,
  TYPE_MASK,
  type RegionColumns,
  type SpecialEvent,
} from "./generator";
import { ACTORS, type Actor } from "./people";
import {
  derive,
  hashString,
  hex8,
  mix32,
  mulberry32,
  Rng,
  unmix32,
  uuidFrom,
} from "./prng";
import { regionIndex, REGION_IDS } from "./regions";
import { INCIDENTS } from "./incidents";
import { FIXED_RESOURCES } from "./resources";

export interface FactoryContext {
  seed: number;
  accountId: string;
  baseSec: number;
  /** The account's anchor (creation time), in epoch seconds: key rotations are placed relative to it. */
  anchorSec: number;
  /** Mixed into event IDs so two seeds never share IDs. */
  idSalt: number;
  pools: (region: string) => ResourcePools;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export function alnumFromHash(hash: number, length: number): string {
  const random = mulberry32(hash);
  let out = "";
  for (let i = 0; i < length; i++)
    out += ALNUM[Math.floor(random() * ALNUM.length)];
  return out;
}

export const isoSeconds = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

// ---- event IDs ------------------------------------------------------------

const HOUR_SEC = 3600;

/**
 * An event ID that encodes where the event lives, so `EventId` lookups need
 * no index: the region, the UTC hour (hours since the epoch) and the row's
 * place in that hour's background rows, or the index of a special event in
 * its region's list. None of these move when the 90-day window slides, so a
 * shared link keeps opening the same event.
 */
export function encodeEventId(
  salt: number,
  region: number,
  index: number,
  special: boolean,
  detail: number,
  hour: number,
): string {
  const x = ((special ? 0x80000000 : 0) | (region << 24) | index) >>> 0;
  // The second word carries the hour in its upper 16 and lower 12 bits: the
  // nibble between them becomes the UUID's version digit.
  const h = (hour ^ salt) & 0x0fffffff;
  const word2 = (((h >>> 12) << 16) | (h & 0xfff)) >>> 0;
  return uuidFrom(
    mix32((x ^ salt) >>> 0),
    word2,
    derive(detail, 32),
    derive(detail, 33),
  );
}

export function decodeEventId(
  salt: number,
  id: string,
):
  | { region: string; index: number; special: boolean; hour: number }
  | undefined {
  if (!/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-/.test(id)) return undefined;
  const x = (unmix32(parseInt(id.slice(0, 8), 16)) ^ salt) >>> 0;
  const region = REGION_IDS[(x >>> 24) & 0x7f];
  if (!region) return undefined;
  const h =
    ((parseInt(id.slice(9, 13), 16) << 12) | parseInt(id.slice(15, 18), 16)) >>>
    0;
  const hour = ((h ^ salt) & 0x0fffffff) >>> 0;
  return {
    region,
    index: x & 0xffffff,
    special: (x & 0x80000000) !== 0,
    hour,
  };
}

/** The first row at or after `rel` (seconds since the base) in a region's columns. */
export function columnsLowerBound(cols: RegionColumns, rel: number): number {
  const time = cols.time;
  let lo = 0;
  let hi = cols.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid]! < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The UTC hour (hours since the epoch) of row `i`. */
export const rowHour = (ctx: FactoryContext, cols: RegionColumns, i: number) =>
  Math.floor((ctx.baseSec + cols.time[i]!) / HOUR_SEC);

/** A background row's place among the background rows of its hour (rows before the base included). */
export function rowSlot(
  ctx: FactoryContext,
  cols: RegionColumns,
  i: number,
): number {
  const hour = rowHour(ctx, cols, i);
  const hourRel = hour * HOUR_SEC - ctx.baseSec;
  let slot = hourRel < 0 ? cols.firstHourSkipped : 0;
  const flags = cols.flags;
  for (let r = columnsLowerBound(cols, hourRel); r < i; r++)
    if ((flags[r]! & FLAG_SPECIAL) === 0) slot++;
  return slot;
}

/** The row of a background event by its hour and slot, if the columns hold it. */
export function rowOfSlot(
  ctx: FactoryContext,
  cols: RegionColumns,
  hour: number,
  slot: number,
): number | undefined {
  const hourRel = hour * HOUR_SEC - ctx.baseSec;
  if (hourRel + HOUR_SEC <= 0) return undefined;
  let left = slot - (hourRel < 0 ? cols.firstHourSkipped : 0);
  if (left < 0) return undefined;
  const end = columnsLowerBound(cols, hourRel + HOUR_SEC);
  const flags = cols.flags;
  for (let r = columnsLowerBound(cols, hourRel); r < end; r++) {
    if (flags[r]! & FLAG_SPECIAL) continue;
    if (left === 0) return r;
    left--;
  }
  return undefined;
}

// ---- per-row facts ---------------------------------------------------------

export const rowSpecial = (
  cols: RegionColumns,
  i: number,
): SpecialEvent | undefined =>
  (cols.flags[i]! & FLAG_SPECIAL) !== 0
    ? cols.specials[cols.seed[i]!]
    : undefined;

export const specialDetail = (special: SpecialEvent): number =>
  hashString(special.tag);

export function rowEventId(
  ctx: FactoryContext,
  cols: RegionColumns,
  i: number,
): string {
  const special = rowSpecial(cols, i);
  const r = regionIndex(cols.region);
  const hour = rowHour(ctx, cols, i);
  return special
    ? encodeEventId(
        ctx.idSalt,
        r,
        cols.seed[i]!,
        true,
        specialDetail(special),
        hour,
      )
    : encodeEventId(
        ctx.idSalt,
        r,
        rowSlot(ctx, cols, i),
        false,
        cols.seed[i]!,
        hour,
      );
}

export function specialEventId(
  ctx: FactoryContext,
  region: string,
  specialIndex: number,
  special: SpecialEvent,
): string {
  return encodeEventId(
    ctx.idSalt,
    regionIndex(region),
    specialIndex,
    true,
    specialDetail(special),
    Math.floor(special.timeMs / 3_600_000),
  );
}

export function rowIp(cols: RegionColumns, i: number): string {
  const special = rowSpecial(cols, i);
  if (special) return special.sourceIp;
  const actor = ACTORS[cols.actor[i]!]!;
  return actor.ips[derive(cols.seed[i]!, 1) % actor.ips.length] ?? "";
}

/** The `STS.` key of a role session: one per actor and day. */
export function stsKey(actor: Actor, timeSec: number): string {
  return `STS.NU${alnumFromHash(derive(hashString(actor.key), Math.floor(timeSec / 86_400)), 22)}`;
}

export function rowAccessKey(
  ctx: FactoryContext,
  cols: RegionColumns,
  i: number,
): string {
  const special = rowSpecial(cols, i);
  if (special) return special.accessKeyId;
  const type = cols.flags[i]! & TYPE_MASK;
  if (type !== 0) return "";
  const actor = ACTORS[cols.actor[i]!]!;
  const timeSec = ctx.baseSec + cols.time[i]!;
  if (actor.identityType === "assumed-role") return stsKey(actor, timeSec);
  const retired = actor.retiredKey;
  if (
    retired &&
    timeSec < ctx.anchorSec - retired.retiredDaysBeforeNow * 86_400
  )
    return retired.accessKeyId;
  return (
    actor.accessKeys[
      derive(cols.seed[i]!, 2) % Math.max(1, actor.accessKeys.length)
    ] ?? ""
  );
}

/** The incidents' resources: background write events never touch them, so their story stays clear. */
const INCIDENT_RESOURCE_IDS = new Set([
  ...Object.values(FIXED_RESOURCES).flatMap((kinds) =>
    Object.values(kinds ?? {}).flatMap((list) => (list ?? []).map((r) => r.id)),
  ),
  INCIDENTS.publicBucket.bucket,
]);

function pickResource(
  pools: ResourcePools,
  tpl: EventTemplate,
  seed: number,
): Resource | undefined {
  if (!tpl.resource) return undefined;
  const pool = pools[tpl.resource];
  if (!pool.length) return undefined;
  const start = derive(seed, 3) % pool.length;
  if (tpl.rw === "Read") return pool[start];
  for (let step = 0; step < pool.length; step++) {
    const candidate = pool[(start + step) % pool.length]!;
    if (!INCIDENT_RESOURCE_IDS.has(candidate.id)) return candidate;
  }
  return pool[start];
}

function createdNames(
  ctx: FactoryContext,
  cols: RegionColumns,
  tpl: EventTemplate,
  seed: number,
  time: number,
): string[] {
  if (!tpl.created) return [];
  return tpl.created(
    callContext(
      ctx,
      cols.region,
      tpl,
      undefined,
      new Rng(derive(seed, 7)),
      time,
      "",
    ),
  );
}

export function rowResourceName(
  ctx: FactoryContext,
  cols: RegionColumns,
  i: number,
): string {
  const special = rowSpecial(cols, i);
  if (special) return special.resourceName ?? "";
  const tpl = TEMPLATES[cols.template[i]!]!;
  const seed = cols.seed[i]!;
  if (tpl.created) return createdNames(ctx, cols, tpl, seed, 0).join(",");
  return pickResource(ctx.pools(cols.region), tpl, seed)?.id ?? "";
}

function callContext(
  ctx: FactoryContext,
  region: string,
  _tpl: EventTemplate,
  resource: Resource | undefined,
  rng: Rng,
  time: number,
  userName: string,
): CallContext {
  return {
    region,
    accountId: ctx.accountId,
    rng,
    pools: ctx.pools(region),
    resource,
    time,
    userName,
  };
}

const withoutUndefined = (
  o: Record<string, unknown>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
};

function listResponse(
  pools: ResourcePools,
  tpl: EventTemplate,
  rng: Rng,
): Record<string, unknown> {
  if (!tpl.listPath || !tpl.resourceType) return {};
  const kind = (Object.keys(pools) as (keyof ResourcePools)[]).find(
    (k) => resourceTypeOf(k) === tpl.resourceType,
  );
  const pool = kind ? pools[kind] : [];
  const [outer, inner] = tpl.listPath;
  const take = Math.min(pool.length, 3);
  const start = pool.length ? rng.int(pool.length) : 0;
  const items = Array.from({ length: take }, (_, n) => {
    const r = pool[(start + n) % pool.length]!;
    return { [`${inner}Id`]: r.id, [`${inner}Name`]: r.name };
  });
  return {
    [outer]: { [inner]: items },
    TotalCount: pool.length,
    PageNumber: 1,
    PageSize: Math.max(10, take),
  };
}

/** Builds the full event for row `i` of a region. */
export function materialize(
  ctx: FactoryContext,
  cols: RegionColumns,
  i: number,
): Record<string, unknown> {
  const special = rowSpecial(cols, i);
  const tpl = TEMPLATES[cols.template[i]!]!;
  const actor = ACTORS[cols.actor[i]!]!;
  const flags = cols.flags[i]!;
  const type = EVENT_TYPES[flags & TYPE_MASK] ?? "ApiCall";
  const seed = special ? specialDetail(special) : cols.seed[i]!;
  const timeSec = ctx.baseSec + cols.time[i]!;
  const timeMs = timeSec * 1000;
  const region = cols.region;
  const pools = ctx.pools(region);
  const resource = special ? undefined : pickResource(pools, tpl, seed);
  const call = callContext(
    ctx,
    region,
    tpl,
    resource,
    new Rng(derive(seed, 6)),
    timeMs,
    actor.userName,
  );
  const requestId = uuidFrom(
    derive(seed, 21),
    derive(seed, 22),
    derive(seed, 23),
    derive(seed, 24),
  );
  const eventSource = tpl.service.host(region);
  const isConsole =
    type === "ConsoleOperation" ||
    type === "ConsoleSignin" ||
    type === "ConsoleSignout";
  const accessKeyId = rowAccessKey(ctx, cols, i);
  const mfa = special?.mfa ?? actor.mfa;

  let userAgent: string;
  if (special) userAgent = special.userAgent;
  else if (type === "ConsoleSignin" || type === "ConsoleSignout")
    userAgent = actor.browser;
  else if (type === "ConsoleOperation")
    userAgent =
      derive(seed, 4) % 10 < 6 ? "AliyunConsole" : tpl.service.console;
  else
    userAgent =
      actor.userAgents[derive(seed, 4) % actor.userAgents.length] ?? "";

  const userIdentity: Record<string, unknown> = {
    type: actor.identityType,
    principalId: actor.principalId,
  };
  if (actor.identityType !== "system") userIdentity.accountId = ctx.accountId;
  userIdentity.userName = actor.userName;
  if (accessKeyId) userIdentity.accessKeyId = accessKeyId;
  if (isConsole || actor.identityType === "assumed-role") {
    const sessionStart = timeSec - (derive(seed, 8) % 7200);
    userIdentity.sessionContext = {
      attributes: {
        creationDate: isoSeconds(sessionStart * 1000),
        mfaAuthenticated: String(isConsole ? mfa : false),
      },
    };
  }

  let errorCode = special?.errorCode ?? "";
  let errorMessage = special?.errorMessage ?? "";
  if (!special && flags & FLAG_ERROR) {
    const errors =
      type === "ConsoleSignin"
        ? tpl.errors.filter(([c]) => c === "InvalidLoginPassword")
        : tpl.errors;
    const [code, message] = errors[derive(seed, 5) % errors.length] ?? [
      "InternalError",
      "Internal error",
    ];
    errorCode = code;
    errorMessage = message;
  }

  const created = special ? [] : createdNames(ctx, cols, tpl, seed, timeMs);
  const resourceName = special
    ? (special.resourceName ?? "")
    : created.length
      ? created.join(",")
      : (resource?.id ?? "");

  let requestParameters: Record<string, unknown>;
  let responseElements: Record<string, unknown> | undefined;
  if (special) {
    requestParameters = {
      RegionId: region,
      ...special.requestParameters,
      HostId: eventSource,
      RequestId: requestId,
    };
    responseElements = errorCode
      ? undefined
      : { RequestId: requestId, ...special.responseElements };
  } else if (isConsole && tpl.fixedType) {
    requestParameters = {};
    responseElements = undefined;
  } else {
    requestParameters = withoutUndefined({
      RegionId: tpl.service.global ? undefined : region,
      ...(tpl.idParam && resource ? { [tpl.idParam]: resource.id } : {}),
      ...(tpl.params?.(call) ?? {}),
      AcsProduct: tpl.service.name,
      HostId: eventSource,
      RequestId: requestId,
    });
    responseElements = errorCode
      ? undefined
      : withoutUndefined({
          RequestId: requestId,
          ...listResponse(pools, tpl, call.rng),
          ...(created.length
            ? { InstanceIdSets: { InstanceIdSet: created } }
            : {}),
          ...(tpl.response?.(call) ?? {}),
        });
  }

  let additionalEventData: Record<string, unknown>;
  if (special?.additionalEventData)
    additionalEventData = special.additionalEventData;
  else if (type === "ConsoleSignin") {
    additionalEventData = {
      LoginAccount:
        actor.identityType === "root-account"
          ? "ops-root@trailscope.example"
          : `${actor.userName}@${ctx.accountId}.onaliyun.com`,
      MFAUsed: String(mfa),
      CallbackUrl: "https://home.console.aliyun.com/",
    };
  } else additionalEventData = { Scheme: "https" };

  const event: Record<string, unknown> = {
    eventId: rowEventId(ctx, cols, i),
    eventVersion: 1,
    eventTime: isoSeconds(timeMs),
    eventName: tpl.name,
    eventType: type,
    eventRW: tpl.rw,
    eventCategory: "Management",
    eventSource,
    serviceName: tpl.service.name,
    apiVersion: tpl.service.apiVersion,
    acsRegion: region,
    isGlobal: tpl.service.global,
    requestId,
    sourceIpAddress: rowIp(cols, i),
    userAgent,
    userIdentity,
    requestParameters,
  };
  if (responseElements) event.responseElements = responseElements;
  event.additionalEventData = additionalEventData;
  if (errorCode) {
    event.errorCode = errorCode;
    event.errorMessage = errorMessage;
  }
  if (tpl.resourceType) {
    event.resourceType = tpl.resourceType;
    if (resourceName) {
      event.resourceName = resourceName;
      event.referencedResources = {
        [tpl.resourceType]: resourceName.split(","),
      };
    }
  }
  if (tpl.sensitive) event.eventAttributes = { SensitiveAction: "true" };
  event.recipientAccountId = ctx.accountId;
  return event;
}

export const eventIdHex = hex8;
