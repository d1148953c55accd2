import type { AuditEvent } from "@/api/schemas/event";

/**
 * Events over time in buckets: the pure binning behind the insights overview
 * and the event search's histogram. One pass over the events, no allocation
 * per event, so 100,000 events bin in a few milliseconds.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Round bucket sizes for the insights overview. */
export const OVERVIEW_BUCKET_SIZES: readonly number[] = [
  1, 5, 10, 15, 30, 60, 180, 360, 720, 1440,
].map((m) => m * MINUTE);

/** The event search's intervals: a minute, 5 minutes, an hour, a day. */
export const SEARCH_BUCKET_SIZES: readonly number[] = [
  MINUTE,
  5 * MINUTE,
  HOUR,
  DAY,
];

/** The smallest round bucket that cuts the range into at most `maxBuckets` bars. */
export function bucketSizeFor(
  rangeMs: number,
  maxBuckets = 60,
  sizes: readonly number[] = OVERVIEW_BUCKET_SIZES,
): number {
  for (const size of sizes) if (rangeMs / size <= maxBuckets) return size;
  return Math.ceil(rangeMs / maxBuckets / DAY) * DAY;
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

/** What binning needs of an event: its time, whether it wrote, whether it failed. */
export interface HistogramPoint {
  t: number;
  rw: string;
  error: boolean;
}

/** How to read the three facts off any event shape without copying it. */
export interface HistogramAccess<E> {
  time: (e: E) => number;
  isWrite: (e: E) => boolean;
  isError: (e: E) => boolean;
}

const POINT_ACCESS: HistogramAccess<HistogramPoint> = {
  time: (e) => e.t,
  isWrite: (e) => e.rw === "Write",
  isError: (e) => e.error,
};

interface HistogramOptions {
  maxBuckets?: number;
  sizes?: readonly number[];
}

/** Events over time in buckets fitted to [from, to), each with read/write and success/error counts. */
export function binEvents<E>(
  events: readonly E[],
  from: number,
  to: number,
  access: HistogramAccess<E>,
  { maxBuckets = 60, sizes = OVERVIEW_BUCKET_SIZES }: HistogramOptions = {},
): Histogram {
  const bucketMs = bucketSizeFor(
    Math.max(to - from, MINUTE),
    maxBuckets,
    sizes,
  );
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
  const { time, isWrite, isError } = access;
  for (const e of events) {
    const t = time(e);
    if (!(t >= from && t < to)) {
      outside++;
      continue;
    }
    const b = buckets[Math.floor((t - first) / bucketMs)];
    if (!b) {
      outside++;
      continue;
    }
    b.total++;
    if (isWrite(e)) b.write++;
    else b.read++;
    if (isError(e)) b.error++;
    else b.ok++;
  }
  return { bucketMs, buckets, outside };
}

/** The insights overview's histogram of its compact series events. */
export const toHistogram = (
  events: readonly HistogramPoint[],
  from: number,
  to: number,
  maxBuckets = 60,
): Histogram => binEvents(events, from, to, POINT_ACCESS, { maxBuckets });

/** The bucket with the most events (the first of equals), if any has events. */
export function busiestBucket(
  buckets: readonly HistogramBucket[],
): HistogramBucket | undefined {
  let best: HistogramBucket | undefined;
  for (const b of buckets) if (b.total > (best?.total ?? 0)) best = b;
  return best;
}

/** The parts of an audit event the search's histogram reads. */
export type BinnableEvent = Pick<AuditEvent, "timeMs" | "rw" | "errorCode">;

const AUDIT_EVENT_ACCESS: HistogramAccess<BinnableEvent> = {
  time: (e) => e.timeMs,
  isWrite: (e) => e.rw === "Write",
  isError: (e) => e.errorCode !== "",
};

/** The event search's histogram: minute, 5-minute, hourly or daily bars over the search window. */
export const searchHistogram = (
  events: readonly BinnableEvent[],
  from: number,
  to: number,
): Histogram =>
  binEvents(events, from, to, AUDIT_EVENT_ACCESS, {
    maxBuckets: 200,
    sizes: SEARCH_BUCKET_SIZES,
  });
