import type { AuditEvent } from "@/api/schemas/event";
import { countValues, type ValueCount } from "@/lib/event-stats";

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

const MINUTE = 60_000;
const BUCKET_SIZES = [1, 5, 10, 15, 30, 60, 180, 360, 720, 1440].map(
  (m) => m * MINUTE,
);

/** The smallest round bucket that cuts the range into at most `maxBuckets` bars. */
export function bucketSizeFor(rangeMs: number, maxBuckets = 60): number {
  for (const size of BUCKET_SIZES)
    if (rangeMs / size <= maxBuckets) return size;
  const day = 1440 * MINUTE;
  return Math.ceil(rangeMs / maxBuckets / day) * day;
}

export interface HistogramBucket {
  start: number;
  end: number;
  read: number;
  write: number;
  ok: number;
  error: number;
  total: number;
}

export interface Histogram {
  bucketMs: number;
  buckets: HistogramBucket[];
  /** Events outside the range (or with an unparsable time), not drawn. */
  outside: number;
}

/** Events over time in buckets fitted to [from, to), each with read/write and success/error counts. */
export function toHistogram(
  events: readonly SeriesEvent[],
  from: number,
  to: number,
  maxBuckets = 60,
): Histogram {
  const bucketMs = bucketSizeFor(Math.max(to - from, MINUTE), maxBuckets);
  const first = Math.floor(from / bucketMs) * bucketMs;
  const count = Math.max(1, Math.ceil((to - first) / bucketMs));
  const buckets: HistogramBucket[] = Array.from({ length: count }, (_, i) => ({
    start: first + i * bucketMs,
    end: Math.min(first + (i + 1) * bucketMs, to),
    read: 0,
    write: 0,
    ok: 0,
    error: 0,
    total: 0,
  }));
  buckets[0]!.start = from;
  let outside = 0;
  for (const e of events) {
    if (!(e.t >= from && e.t < to)) {
      outside++;
      continue;
    }
    const b = buckets[Math.floor((e.t - first) / bucketMs)];
    if (!b) {
      outside++;
      continue;
    }
    b.total++;
    if (e.rw === "Write") b.write++;
    else b.read++;
    if (e.error) b.error++;
    else b.ok++;
  }
  return { bucketMs, buckets, outside };
}

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
