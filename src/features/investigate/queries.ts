import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import {
  eventsOf,
  failedRegions,
  readAllEvents,
  type ReadResult,
} from "@/api/event-reader";
import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import type { IdentityKind } from "./filters";

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
};

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
