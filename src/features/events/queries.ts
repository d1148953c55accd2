import {
  experimental_streamedQuery as streamedQuery,
  infiniteQueryOptions,
  queryOptions,
} from "@tanstack/react-query";
import type { AuditEvent } from "@/api/schemas/event";
import type { SearchCondition } from "@/lib/event-search-url";
import { MINUTE } from "@/lib/time";
import type { EventSearch } from "./filters";
import {
  batchChunks,
  fetchEventsPage,
  firstPageParam,
  loadAllEvents,
  lookupPage,
  type EventsPageParam,
  type RegionFailure,
} from "./loader";
import {
  MAX_LOOKBACK_MS,
  resolveWindow,
  splitWindow,
  windowProblem,
  type TimeWindow,
} from "./time-range";

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
  /** The account holds the visitor's own events: no 90-days-back refusal. */
  archive?: boolean | undefined;
}

export const eventKeys = {
  all: ["events"] as const,
  lists: () => [...eventKeys.all, "list"] as const,
  list: (search: ServerSearch) => [...eventKeys.lists(), search] as const,
  loadAll: (
    search: ServerSearch,
    window: TimeWindow | undefined,
    cap: number,
  ) => [...eventKeys.all, "load-all", search, window, cap] as const,
  detail: (region: string, eventId: string) =>
    [...eventKeys.all, "detail", region, eventId] as const,
  around: (region: string, condition: SearchCondition, centerMs: number) =>
    [...eventKeys.all, "around", region, condition, centerMs] as const,
};

/**
 * The search's pages (50 events each) as they are loaded: the first page fixes
 * the time window (presets resolve at that moment, so "Load more" continues
 * the same window); every region still to read gets one request per page.
 */
export const eventsInfiniteQueryOptions = (search: ServerSearch) =>
  infiniteQueryOptions({
    queryKey: eventKeys.list(search),
    initialPageParam: null as EventsPageParam | null,
    queryFn: ({ pageParam, signal }) => {
      let param = pageParam;
      if (!param) {
        const now = Date.now();
        const window = resolveWindow(
          { range: search.range, from: search.from, to: search.to },
          now,
        );
        const problem = windowProblem(window, now, {
          archive: search.archive,
        });
        if (problem) throw new SearchRangeError(problem);
        param = firstPageParam(search.regions, window);
      }
      return fetchEventsPage(param, search.server, signal);
    },
    getNextPageParam: (last) =>
      last.next.cursors.some((c) => !c.done) ? last.next : undefined,
    staleTime: 5 * MINUTE,
  });

export interface LoadAllState {
  /** The pages as they arrived (appended, never copied: see merge.ts). */
  chunks: AuditEvent[][];
  events: number;
  requests: number;
  failures: RegionFailure[];
  truncated: boolean;
}

const EMPTY_LOAD_ALL: LoadAllState = {
  chunks: [],
  events: 0,
  requests: 0,
  failures: [],
  truncated: false,
};

/**
 * "Load all": the whole window (the one the first page fixed), in parallel over
 * time slices and regions within the rate limit, up to `cap` events; the cache
 * fills as pages arrive, so the table grows while it loads.
 */
export const eventsLoadAllQueryOptions = (
  search: ServerSearch,
  window: TimeWindow | undefined,
  cap: number,
) =>
  queryOptions({
    queryKey: eventKeys.loadAll(search, window, cap),
    queryFn: streamedQuery({
      streamFn: ({ signal }) =>
        batchChunks(
          loadAllEvents({
            regions: search.regions,
            window: window ?? { startMs: 0, endMs: 0 },
            server: search.server,
            cap,
            signal,
          }),
        ),
      reducer: (state: LoadAllState, chunk) => ({
        chunks: chunk.events.length
          ? [...state.chunks, chunk.events]
          : state.chunks,
        events: state.events + chunk.events.length,
        requests: state.requests + chunk.requests,
        failures: chunk.failure
          ? [...state.failures, chunk.failure]
          : state.failures,
        truncated: state.truncated || Boolean(chunk.truncated),
      }),
      initialValue: EMPTY_LOAD_ALL,
    }),
    enabled: window !== undefined,
    staleTime: Infinity,
    refetchOnMount: false,
    // Deep-comparing up to 100,000 events on every arrival would be quadratic.
    structuralSharing: false,
  });

/** One event by ID (a deep link whose event is not among the loaded ones): the last 90 days, newest slice first. */
export const eventDetailQueryOptions = (region: string, eventId: string) =>
  queryOptions({
    queryKey: eventKeys.detail(region, eventId),
    queryFn: async ({ signal }) => {
      const now = Date.now();
      const slices = splitWindow({
        startMs: Math.ceil((now - MAX_LOOKBACK_MS + 5 * MINUTE) / 1000) * 1000,
        endMs: Math.floor(now / 1000) * 1000,
      });
      for (const window of slices) {
        const page = await lookupPage({
          region,
          window,
          server: [{ key: "EventId", value: eventId }],
          signal,
        });
        const found = page.events.find((e) => e.id === eventId);
        if (found) return found.region ? found : { ...found, region };
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
      const page = await lookupPage({
        region,
        window: {
          startMs: Math.floor((centerMs - AROUND_MS) / 1000) * 1000,
          endMs: Math.min(
            Math.ceil((centerMs + AROUND_MS) / 1000) * 1000,
            Math.floor(now / 1000) * 1000,
          ),
        },
        server: [condition],
        signal,
      });
      return { events: page.events, more: Boolean(page.nextToken) };
    },
    staleTime: Infinity,
  });
