import { queryOptions } from "@tanstack/react-query";
import {
  failedSpans,
  isComplete,
  readAllEvents,
  readEvents,
  spanError,
  startRead,
  type ReadResult,
  type ReadScope,
} from "@/api/event-reader";
import { rpc } from "@/api/client";
import { logstoreTrailsOf } from "@/api/log-service";
import type { AuditEvent } from "@/api/schemas/event";
import { MAX_LOOKBACK_MS, splitWindow } from "@/api/time-window";
import { archivedDays } from "@/lib/archive/browser-store";
import type { SearchCondition } from "@/lib/event-search-url";
import { MINUTE, type DisplayZone } from "@/lib/time";
import { toLookupAttributes } from "./conditions";
import type { EventSearch } from "./filters";
import { noteRetry } from "./retry-notice";
import { resolveWindow, windowProblem } from "./time-range";

/** A search the browser cannot send, with what to change. */
export class SearchRangeError extends Error {
  override readonly name = "SearchRangeError";
}

/** What the server is asked: regions, time range, the (at most two) server conditions. */
export interface ServerSearch {
  regions: string[];
  range: EventSearch["range"];
  from?: string | undefined;
  to?: string | undefined;
  server: SearchCondition[];
  /** The display zone, for a calendar preset (Today, Last week…): its days are the zone's. */
  zone?: DisplayZone | undefined;
  /** The account holds the visitor's own events: no 90-days-back refusal. */
  archive?: boolean | undefined;
  /**
   * Trail archives are imported in this browser: what is older than the
   * service's 90 days is read from them instead of being refused.
   */
  archives?: boolean | undefined;
}

export const eventKeys = {
  all: ["events"] as const,
  logstoreTrails: (region: string) =>
    [...eventKeys.all, "logstore-trails", region] as const,
  reads: () => [...eventKeys.all, "read"] as const,
  read: (search: ServerSearch) => [...eventKeys.reads(), search] as const,
  detail: (region: string, eventId: string) =>
    [...eventKeys.all, "detail", region, eventId] as const,
  around: (region: string, condition: SearchCondition, centerMs: number) =>
    [...eventKeys.all, "around", region, condition, centerMs] as const,
};

/** The reader's scope of a search at `now` (presets resolve at that moment); throws when the range cannot be searched. */
export function searchScope(search: ServerSearch, now: number): ReadScope {
  const window = resolveWindow(
    { range: search.range, from: search.from, to: search.to },
    now,
    search.zone,
  );
  const problem = windowProblem(window, now, {
    archive: search.archive || search.archives,
  });
  if (problem) throw new SearchRangeError(problem);
  // An hour inside the service's reach: time passes while a read goes on.
  const archiveBefore = now - MAX_LOOKBACK_MS + 3_600_000;
  return {
    regions: search.regions,
    window,
    attributes: toLookupAttributes(search.server),
    ...(search.archives && !search.archive && window.startMs < archiveBefore
      ? { archiveBefore }
      : {}),
  };
}

/**
 * A search's result: the first page of every region, read through the one
 * event reader. The result fixes the time window (so Load more, Load all and
 * Retry continue exactly it) and carries the ledger of what is still unread
 * or failed; those actions write their progress back into this cache entry
 * (use-event-results.ts).
 */
export const eventSearchQueryOptions = (search: ServerSearch) =>
  queryOptions({
    queryKey: eventKeys.read(search),
    queryFn: ({ signal }): Promise<ReadResult> =>
      readEvents(startRead(searchScope(search, Date.now())), {
        mode: "page",
        signal,
        onRetry: noteRetry,
      }),
    staleTime: 5 * MINUTE,
    // Deep-comparing up to 100,000 events on every update would be quadratic.
    structuralSharing: false,
    retry: false,
  });

/** One event by ID (a deep link whose event is not among the loaded ones): the last 90 days, newest slice first. */
export const eventDetailQueryOptions = (region: string, eventId: string) =>
  queryOptions({
    queryKey: eventKeys.detail(region, eventId),
    queryFn: async ({ signal }) => {
      const now = Date.now();
      const window = {
        startMs: Math.ceil((now - MAX_LOOKBACK_MS + 5 * MINUTE) / 1000) * 1000,
        endMs: Math.floor(now / 1000) * 1000,
      };
      // Newest slice first, one at a time: most links are to recent events.
      for (const slice of splitWindow(window)) {
        const result = await readAllEvents(
          {
            regions: [region],
            window: slice,
            attributes: [{ Key: "EventId", Value: eventId }],
          },
          { signal, cap: 1, parallelism: 1, onRetry: noteRetry },
        );
        const found = result.chunks.flat().find((e) => e.id === eventId);
        if (found) return found;
        const failed = failedSpans(result)[0];
        if (failed) throw spanError(failed);
      }
      return null;
    },
    staleTime: Infinity,
  });

export const AROUND_MS = 15 * MINUTE;

/** What the same identity, address or resource did in the 15 minutes before and after an event. */
export const surroundingEventsQueryOptions = (
  region: string,
  condition: SearchCondition,
  centerMs: number,
) =>
  queryOptions({
    queryKey: eventKeys.around(region, condition, centerMs),
    queryFn: async ({ signal }) => {
      const now = Date.now();
      const result = await readEvents(
        startRead({
          regions: [region],
          window: {
            startMs: Math.floor((centerMs - AROUND_MS) / 1000) * 1000,
            endMs: Math.min(
              Math.ceil((centerMs + AROUND_MS) / 1000) * 1000,
              Math.floor(now / 1000) * 1000,
            ),
          },
          attributes: toLookupAttributes([condition]),
        }),
        { mode: "page", signal, onRetry: noteRetry },
      );
      const failed = failedSpans(result)[0];
      if (failed && result.count === 0) throw spanError(failed);
      const events: AuditEvent[] = result.chunks.flat();
      return { events, more: !isComplete(result) };
    },
    staleTime: Infinity,
  });

/** The days imported trail archives span (the archives screen refreshes every "archives" query after an import). */
export const archivedDaysQueryOptions = () =>
  queryOptions({
    queryKey: ["archives", "days"],
    queryFn: async () => (await archivedDays()) ?? null,
    staleTime: 60_000,
  });

/** The trails with a Log Service logstore, where a search can run as one query (DescribeTrails). */
export const logstoreTrailsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: eventKeys.logstoreTrails(region),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "DescribeTrails",
        { IncludeShadowTrails: true, IncludeOrganizationTrail: true },
        { signal },
      ),
    select: (result) => logstoreTrailsOf(result.trails),
    staleTime: 5 * 60_000,
  });
