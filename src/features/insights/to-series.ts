import type { AuditEvent } from "@/api/schemas/event";
import { countValues, type ValueCount } from "@/lib/event-stats";
import {
  bucketSizeFor,
  toHistogram,
  type Histogram,
  type HistogramBucket,
} from "@/lib/histogram";

/** The few fields the overview counts: small enough to post to a worker. */
export interface SeriesEvent {
  t: number;
  rw: string;
  error: boolean;
  name: string;
  service: string;
  user: string;
  ip: string;
  errorCode: string;
  resourceType: string;
  client: ClientKind;
}

export type ClientKind = "Console" | "CLI" | "SDK" | "Cloud service" | "Other";
export const CLIENT_KINDS: readonly ClientKind[] = [
  "Console",
  "CLI",
  "SDK",
  "Cloud service",
  "Other",
];

/** How a call was made, from its type, identity and user agent. */
export function clientOf(
  e: Pick<AuditEvent, "type" | "userAgent" | "identityType">,
): ClientKind {
  const ua = e.userAgent.toLowerCase();
  if (e.identityType === "system") return "Cloud service";
  if (
    e.type === "ConsoleOperation" ||
    e.type === "ConsoleSignin" ||
    e.type === "ConsoleSignout" ||
    ua.includes("console") ||
    ua.startsWith("mozilla/")
  )
    return "Console";
  if (
    ua.includes("aliyuncli") ||
    ua.includes("aliyun-cli") ||
    ua.startsWith("terraform")
  )
    return "CLI";
  if (/sdk|alibabacloud|teadsl|java\/|python\/|node\.js|go\//.test(ua))
    return "SDK";
  return "Other";
}

export const toSeriesEvent = (e: AuditEvent): SeriesEvent => ({
  t: e.timeMs,
  rw: e.rw,
  error: e.errorCode !== "",
  name: e.name,
  service: e.service,
  user: e.userName,
  ip: e.sourceIp,
  errorCode: e.errorCode,
  resourceType: e.resourceType,
  client: clientOf(e),
});

// The binning moved to src/lib/histogram.ts (the event search draws it too).
export { bucketSizeFor, toHistogram, type HistogramBucket };

export const TOP_FIELDS = {
  name: { label: "Event names", searchKey: "EventName" },
  service: { label: "Services", searchKey: "ServiceName" },
  user: { label: "Users", searchKey: "User" },
  ip: { label: "Source IPs", searchKey: "SourceIpAddress" },
  errorCode: { label: "Error codes", searchKey: "ErrorCode" },
  resourceType: { label: "Resource types", searchKey: "ResourceType" },
} as const;
export type TopField = keyof typeof TOP_FIELDS;

export interface OverviewSeries {
  total: number;
  from: number;
  to: number;
  histogram: Histogram;
  top: Record<
    TopField,
    { counted: number; distinct: number; values: ValueCount[] }
  >;
  clients: { kind: ClientKind; count: number }[];
}

export interface AggregateOptions {
  from: number;
  to: number;
  topN?: number;
  maxBuckets?: number;
}

/** Everything the overview draws, from the loaded events (pure: the worker and the tests call it alike). */
export function aggregate(
  events: readonly SeriesEvent[],
  options: AggregateOptions,
): OverviewSeries {
  const topN = options.topN ?? 10;
  const top = {} as OverviewSeries["top"];
  for (const field of Object.keys(TOP_FIELDS) as TopField[]) {
    // Error codes count the failed calls only; empty values are not a value.
    const relevant = events.filter((e) => e[field] !== "");
    const all = countValues(relevant, (e) => e[field]);
    top[field] = {
      counted: relevant.length,
      distinct: all.length,
      values: all.slice(0, topN),
    };
  }
  const clientCounts = new Map<ClientKind, number>();
  for (const e of events)
    clientCounts.set(e.client, (clientCounts.get(e.client) ?? 0) + 1);
  return {
    total: events.length,
    from: options.from,
    to: options.to,
    histogram: toHistogram(
      events,
      options.from,
      options.to,
      options.maxBuckets,
    ),
    top,
    clients: CLIENT_KINDS.map((kind) => ({
      kind,
      count: clientCounts.get(kind) ?? 0,
    })).filter((c) => c.count > 0),
  };
}
