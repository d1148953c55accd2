import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import {
  eventsOf,
  failedRegions,
  readAllEvents,
  type ReadResult,
} from "@/api/event-reader";
import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import {
  looksLikeAccessKey,
  looksLikeAddress,
  nameShaped,
  namedResources,
  type ProbeResults,
} from "./detect-target";
import { guessTarget, type IdentityKind } from "./filters";

/** An investigation loads at most this many events per region (newest first). */
export const INVESTIGATION_CAP_PER_REGION = 2_000;

export interface InvestigationEvents {
  events: AuditEvent[];
  truncated: boolean;
  /** Regions whose events could not be loaded, whole or in part. */
  failedRegions: string[];
  /** The reader's ledger: what was read and what was not. */
  result: ReadResult;
}

const ATTRIBUTE: Record<IdentityKind, LookupAttribute["Key"]> = {
  user: "User",
  role: "RoleName",
  accessKey: "EventAccessKeyId",
  ip: "SourceIpAddress",
};

/** LookupEvents with one condition in every region, newest first, through the one reader. */
async function lookupEverywhere(
  regions: readonly string[],
  attribute: LookupAttribute,
  from: number,
  to: number,
  signal: AbortSignal,
): Promise<InvestigationEvents> {
  const result = await readAllEvents(
    { regions, window: { startMs: from, endMs: to }, attributes: [attribute] },
    { capPerRegion: INVESTIGATION_CAP_PER_REGION, signal },
  );
  const events = eventsOf(result).sort((a, b) => b.timeMs - a.timeMs);
  return {
    events,
    truncated: result.capped,
    failedRegions: failedRegions(result),
    result,
  };
}

export const investigateKeys = {
  all: ["investigate"] as const,
  identity: (
    kind: IdentityKind,
    value: string,
    from: number,
    to: number,
    regions: readonly string[],
  ) =>
    [
      ...investigateKeys.all,
      "identity",
      kind,
      value,
      from,
      to,
      regions,
    ] as const,
  resource: (
    name: string,
    from: number,
    to: number,
    regions: readonly string[],
  ) => [...investigateKeys.all, "resource", name, from, to, regions] as const,
  accessKey: (part: string, key: string) =>
    [...investigateKeys.all, "access-key", part, key] as const,
  detect: (
    value: string,
    from: number,
    to: number,
    regions: readonly string[],
  ) => [...investigateKeys.all, "detect", value, from, to, regions] as const,
};

/** The newest events per region the name probe reads, looking for a resource named so. */
export const NAME_PROBE_PER_REGION = 200;

/** Events of one condition in any region, stopping at the first. */
async function firstEvent(
  regions: readonly string[],
  attribute: LookupAttribute,
  from: number,
  to: number,
  signal: AbortSignal,
): Promise<AuditEvent | undefined> {
  const read = await readAllEvents(
    { regions, window: { startMs: from, endMs: to }, attributes: [attribute] },
    { cap: 1, parallelism: 1, signal },
  );
  return eventsOf(read)[0];
}

/**
 * "Detect automatically": looks the value up as a user, an AccessKey (when
 * it has an AccessKey's shape), an address (when it has an address's) and
 * a resource ID, in every region, each stopping at its first event;
 * then, for a value that no ID matched, reads the newest events of every
 * region for a resource *named* so (an instance name).
 */
export const detectTargetQueryOptions = (
  value: string,
  from: number,
  to: number,
  regions: readonly string[],
) =>
  queryOptions({
    queryKey: investigateKeys.detect(value, from, to, regions),
    queryFn: async ({ signal }): Promise<ProbeResults> => {
      const probe = (Key: LookupAttribute["Key"], when = true) =>
        when
          ? firstEvent(regions, { Key, Value: value }, from, to, signal)
          : Promise.resolve(undefined);
      const key = looksLikeAccessKey(value);
      const ip = looksLikeAddress(value);
      // One after the other: together they would only queue behind the service's rate limit.
      // A resource ID's shape (i-…, sg-…, acs:…) is asked as a resource first; found so, it is one.
      const idShaped = !key && !ip && guessTarget(value).to === "resource";
      const resource = await probe("ResourceName", !key && !ip);
      const settled = idShaped && resource !== undefined;
      const user = await probe("User", !key && !ip && !settled);
      const accessKey = await probe("EventAccessKeyId", key);
      const address = await probe("SourceIpAddress", ip);
      // A name is looked for when nothing else matched, or when the value reads like one ("prod-web-01").
      const scan = !key && !ip && !resource && (!user || nameShaped(value));
      const scanned = !scan
        ? []
        : eventsOf(
            await readAllEvents(
              {
                regions,
                window: { startMs: from, endMs: to },
                attributes: [],
              },
              {
                capPerRegion: NAME_PROBE_PER_REGION,
                parallelism: 1,
                signal,
              },
            ),
          );
      return {
        user: user ? 1 : 0,
        accessKey: accessKey ? 1 : 0,
        ip: address ? 1 : 0,
        resource: {
          events: resource ? 1 : 0,
          type: resource?.resourceType ?? "",
        },
        named: namedResources(scanned, value),
      };
    },
    enabled: regions.length > 0,
    staleTime: 5 * 60_000,
  });

export const identityEventsQueryOptions = (
  kind: IdentityKind,
  value: string,
  from: number,
  to: number,
  regions: readonly string[],
) =>
  queryOptions({
    queryKey: investigateKeys.identity(kind, value, from, to, regions),
    queryFn: ({ signal }) =>
      lookupEverywhere(
        regions,
        { Key: ATTRIBUTE[kind], Value: value },
        from,
        to,
        signal,
      ),
    enabled: regions.length > 0,
    staleTime: 5 * 60_000,
  });

export const resourceEventsQueryOptions = (
  name: string,
  from: number,
  to: number,
  regions: readonly string[],
) =>
  queryOptions({
    queryKey: investigateKeys.resource(name, from, to, regions),
    queryFn: ({ signal }) =>
      lookupEverywhere(
        regions,
        { Key: "ResourceName", Value: name },
        from,
        to,
        signal,
      ),
    enabled: regions.length > 0,
    staleTime: 5 * 60_000,
  });

/** AccessKey audit calls are account-wide; any region's endpoint answers them. */
const AK_REGION = "cn-hangzhou";

export const accessKeyInfoQueryOptions = (key: string) =>
  queryOptions({
    queryKey: investigateKeys.accessKey("info", key),
    queryFn: ({ signal }) =>
      rpc(
        AK_REGION,
        "GetAccessKeyLastUsedInfo",
        { AccessKey: key },
        { signal },
      ),
    staleTime: 5 * 60_000,
  });

export const accessKeyProductsQueryOptions = (key: string) =>
  queryOptions({
    queryKey: investigateKeys.accessKey("products", key),
    queryFn: ({ signal }) =>
      rpc(
        AK_REGION,
        "GetAccessKeyLastUsedProducts",
        { AccessKey: key },
        { signal },
      ),
    select: (r) => r.products,
    staleTime: 5 * 60_000,
  });

export const accessKeyIpsQueryOptions = (key: string) =>
  queryOptions({
    queryKey: investigateKeys.accessKey("ips", key),
    queryFn: ({ signal }) =>
      rpc(
        AK_REGION,
        "GetAccessKeyLastUsedIps",
        { AccessKey: key, PageSize: 100 },
        { signal },
      ),
    select: (r) => r.ips,
    staleTime: 5 * 60_000,
  });

export const accessKeyResourcesQueryOptions = (key: string) =>
  queryOptions({
    queryKey: investigateKeys.accessKey("resources", key),
    queryFn: ({ signal }) =>
      rpc(
        AK_REGION,
        "GetAccessKeyLastUsedResources",
        { AccessKey: key, PageSize: 100 },
        { signal },
      ),
    select: (r) => r.resources,
    staleTime: 5 * 60_000,
  });
