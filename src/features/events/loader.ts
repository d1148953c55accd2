import { rpc } from "@/api/client";
import type { AuditEvent } from "@/api/schemas/event";
import type { SearchCondition } from "@/lib/event-search-url";
import { toLookupAttributes } from "./conditions";
import { noteRetry } from "./retry-notice";
import { lookupScheduler, type RequestScheduler } from "./scheduler";
import { divideWindow, splitWindow, type TimeWindow } from "./time-range";
import { toApiTime } from "@/lib/time";

/** LookupEvents' largest page. */
export const PAGE_SIZE = 50;

export interface RegionFailure {
  region: string;
  error: unknown;
}

/** Where one region's paging stands: which ≤30-day slice, and the token inside it. */
export interface RegionCursor {
  region: string;
  slice: number;
  token?: string | undefined;
  done: boolean;
}

export interface EventsPageParam {
  window: TimeWindow;
  slices: TimeWindow[];
  cursors: RegionCursor[];
}

export interface EventsPage {
  events: AuditEvent[];
  failures: RegionFailure[];
  requests: number;
  window: TimeWindow;
  next: EventsPageParam;
}

export interface LookupRequest {
  region: string;
  window: TimeWindow;
  server: readonly SearchCondition[];
  token?: string | undefined;
  signal?: AbortSignal | undefined;
  scheduler?: RequestScheduler;
}

/** One LookupEvents page through the shared scheduler; throttling is retried by the client and announced. */
export function lookupPage({
  region,
  window,
  server,
  token,
  signal,
  scheduler = lookupScheduler,
}: LookupRequest) {
  return scheduler.run(
    () =>
      rpc(
        region,
        "LookupEvents",
        {
          StartTime: toApiTime(window.startMs),
          EndTime: toApiTime(window.endMs),
          MaxResults: PAGE_SIZE,
          ...(server.length
            ? { LookupAttribute: toLookupAttributes(server) }
            : {}),
          ...(token ? { NextToken: token } : {}),
        },
        { signal, onRetry: noteRetry },
      ),
    signal,
  );
}

export function firstPageParam(
  regions: readonly string[],
  window: TimeWindow,
): EventsPageParam {
  return {
    window,
    slices: splitWindow(window),
    cursors: regions.map((region) => ({ region, slice: 0, done: false })),
  };
}

/**
 * The next page of a search: one LookupEvents per region still to read, in
 * parallel (within the rate limit). A region that fails keeps its place so
 * the next fetch retries it; when every region fails, the page fails.
 */
export async function fetchEventsPage(
  param: EventsPageParam,
  server: readonly SearchCondition[],
  signal: AbortSignal,
): Promise<EventsPage> {
  const active = param.cursors.filter((c) => !c.done);
  const results = await Promise.allSettled(
    active.map((cursor) =>
      lookupPage({
        region: cursor.region,
        window: param.slices[cursor.slice] ?? param.window,
        server,
        token: cursor.token,
        signal,
      }),
    ),
  );
  const events: AuditEvent[] = [];
  const failures: RegionFailure[] = [];
  const nextByRegion = new Map<string, RegionCursor>();
  results.forEach((result, i) => {
    const cursor = active[i] as RegionCursor;
    if (result.status === "rejected") {
      failures.push({ region: cursor.region, error: result.reason });
      nextByRegion.set(cursor.region, cursor);
      return;
    }
    for (const event of result.value.events)
      events.push(event.region ? event : { ...event, region: cursor.region });
    const token = result.value.nextToken;
    nextByRegion.set(
      cursor.region,
      token
        ? { ...cursor, token }
        : cursor.slice + 1 < param.slices.length
          ? { region: cursor.region, slice: cursor.slice + 1, done: false }
          : { ...cursor, token: undefined, done: true },
    );
  });
  if (active.length > 0 && failures.length === active.length) {
    throw failures[0]?.error;
  }
  return {
    events,
    failures,
    requests: active.length,
    window: param.window,
    next: {
      ...param,
      cursors: param.cursors.map((c) => nextByRegion.get(c.region) ?? c),
    },
  };
}

export interface LoadChunk {
  events: AuditEvent[];
  requests: number;
  failure?: RegionFailure | undefined;
  /** The cap stopped loading while more was available. */
  truncated?: boolean;
}

/**
 * Loads a whole search, newest slices first, in parallel over time slices and
 * regions, never faster than the scheduler allows; yields each page as it
 * arrives. Stops at `cap` events (saying so) or when `signal` aborts.
 */
export async function* loadAllEvents({
  regions,
  window,
  server,
  cap,
  signal,
  scheduler = lookupScheduler,
}: {
  regions: readonly string[];
  window: TimeWindow;
  server: readonly SearchCondition[];
  cap: number;
  signal: AbortSignal;
  scheduler?: RequestScheduler;
}): AsyncGenerator<LoadChunk> {
  const parts = Math.max(1, Math.ceil(6 / regions.length));
  const jobs = regions.flatMap((region) =>
    splitWindow(window).flatMap((slice) =>
      divideWindow(slice, parts).map((w) => ({ region, window: w })),
    ),
  );
  const queue: LoadChunk[] = [];
  let wake: (() => void) | undefined;
  let loaded = 0;
  let running = 0;
  let stopped = false;
  const push = (chunk: LoadChunk) => {
    queue.push(chunk);
    wake?.();
  };
  const runJob = async (job: { region: string; window: TimeWindow }) => {
    let token: string | undefined;
    for (;;) {
      if (stopped || signal.aborted) return;
      try {
        const page = await lookupPage({
          region: job.region,
          window: job.window,
          server,
          token,
          signal,
          scheduler,
        });
        const events = page.events.map((e) =>
          e.region ? e : { ...e, region: job.region },
        );
        loaded += events.length;
        token = page.nextToken;
        if (loaded >= cap && (token || jobsLeft() > 0)) {
          stopped = true;
          push({ events, requests: 1, truncated: true });
          return;
        }
        push({ events, requests: 1 });
        if (!token) return;
      } catch (error) {
        if (signal.aborted) return;
        push({
          events: [],
          requests: 1,
          failure: { region: job.region, error },
        });
        return;
      }
    }
  };
  let nextJob = 0;
  const jobsLeft = () => jobs.length - nextJob;
  const startNext = () => {
    while (!stopped && running < 6 && nextJob < jobs.length) {
      const job = jobs[nextJob++] as (typeof jobs)[number];
      running++;
      void runJob(job).finally(() => {
        running--;
        startNext();
        wake?.();
      });
    }
  };
  startNext();
  while (running > 0 || queue.length > 0) {
    if (queue.length === 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
      continue;
    }
    const chunk = queue.shift() as LoadChunk;
    yield chunk;
    if (signal.aborted) return;
  }
}

/**
 * Coalesces Load all's chunks so the screen updates a few times a second
 * rather than once per 50-event page: each update re-derives the table from
 * every loaded event, so at 100,000 rows fewer, larger updates keep the page
 * responsive. A failure or the cap is passed on at once.
 */
export async function* batchChunks(
  source: AsyncIterable<LoadChunk>,
  intervalMs = 400,
  now: () => number = Date.now,
): AsyncGenerator<LoadChunk> {
  let pending: LoadChunk | undefined;
  let last = -Infinity;
  for await (const chunk of source) {
    if (chunk.failure) {
      if (pending) yield pending;
      pending = undefined;
      yield chunk;
      last = now();
      continue;
    }
    pending = pending
      ? {
          events: pending.events.concat(chunk.events),
          requests: pending.requests + chunk.requests,
          truncated: Boolean(pending.truncated || chunk.truncated),
        }
      : chunk;
    if (pending.truncated || now() - last >= intervalMs) {
      yield pending;
      pending = undefined;
      last = now();
    }
  }
  if (pending) yield pending;
}
