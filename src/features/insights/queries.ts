import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import {
  eventsOf,
  failedRegions,
  readAllEvents,
  type ReadResult,
} from "@/api/event-reader";
import type { AuditEvent } from "@/api/schemas/event";
import { archivedDays } from "@/lib/archive/browser-store";
import { loadPages } from "@/lib/rate-limiter";
import { DAY, toApiDate, toApiTime } from "@/lib/time";
import { aggregateOffThread } from "./aggregate-client";
import { findingsOffThread } from "./findings/findings-client";
import { toSeriesEvent } from "./to-series";

/** The overview loads at most this many events of the region and range (newest first). */
export const OVERVIEW_CAP = 5_000;
/** ActionTrail's own insight events are listed for the last 7 days. */
export const DETECTION_DAYS = 7;

export interface LoadedEvents {
  events: AuditEvent[];
  truncated: boolean;
  /** Regions whose events could not be loaded, whole or in part (the rest are shown). */
  failedRegions: string[];
  /** The reader's ledger: what was read and what was not. */
  result: ReadResult;
}

const toLoaded = (result: ReadResult): LoadedEvents => ({
  events: eventsOf(result),
  truncated: result.capped,
  failedRegions: failedRegions(result),
  result,
});

export const insightKeys = {
  all: ["insights"] as const,
  overview: (region: string, from: number, to: number) =>
    [...insightKeys.all, "overview", region, from, to] as const,
  series: (region: string, from: number, to: number) =>
    [...insightKeys.all, "series", region, from, to] as const,
  serviceInsights: (region: string, from: number, to: number) =>
    [...insightKeys.all, "service-insights", region, from, to] as const,
  findings: (
    regions: readonly string[],
    from: number,
    to: number,
    userRules: readonly string[],
    disabled: readonly string[],
    archiveBefore: number | undefined,
  ) =>
    [
      ...insightKeys.all,
      "findings",
      regions,
      from,
      to,
      userRules,
      disabled,
      archiveBefore ?? null,
    ] as const,
  dailyCounts: (region: string, today: string) =>
    [...insightKeys.all, "daily-counts", region, today] as const,
};

/** All events of one region and range, newest first, up to OVERVIEW_CAP. */
export const overviewEventsQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: insightKeys.overview(region, from, to),
    queryFn: async ({ signal }): Promise<LoadedEvents> =>
      toLoaded(
        await readAllEvents(
          {
            regions: [region],
            window: { startMs: from, endMs: to },
            attributes: [],
          },
          { cap: OVERVIEW_CAP, signal },
        ),
      ),
    staleTime: 5 * 60_000,
  });

/** The overview's chart series, counted in a Web Worker from the loaded events (shared with the overview query's cache). */
export const overviewSeriesQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: insightKeys.series(region, from, to),
    queryFn: async ({ client }) => {
      const loaded = await client.ensureQueryData(
        overviewEventsQueryOptions(region, from, to),
      );
      return aggregateOffThread(loaded.events.map(toSeriesEvent), { from, to });
    },
    staleTime: 5 * 60_000,
  });

/** The service's own insight events (LookupInsightEvents) of the region and range. */
export const serviceInsightsQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: insightKeys.serviceInsights(region, from, to),
    queryFn: async ({ signal }) => {
      const r = await loadPages(async (token) => {
        const page = await rpc(
          region,
          "LookupInsightEvents",
          {
            StartTime: toApiTime(from),
            EndTime: toApiTime(to),
            MaxResults: 50,
            ...(token ? { NextToken: token } : {}),
          },
          { signal },
        );
        return { items: page.events, nextToken: page.nextToken };
      }, 500);
      return r.items;
    },
    staleTime: 5 * 60_000,
  });

/** 90 days of daily event counts (DescribeUserLogCount). */
export const dailyCountsQueryOptions = (region: string, today: number) =>
  queryOptions({
    queryKey: insightKeys.dailyCounts(region, toApiDate(today)),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "DescribeUserLogCount",
        { StartDate: toApiDate(today - 89 * DAY), EndDate: toApiDate(today) },
        { signal },
      ),
    select: (r) => r.days,
    staleTime: 30 * 60_000,
  });

/** The days imported trail archives span (shared with the archives screen, which refreshes every "archives" query after an import). */
export const archivedDaysQueryOptions = () =>
  queryOptions({
    queryKey: ["archives", "days"],
    queryFn: async () => (await archivedDays()) ?? null,
    staleTime: 60_000,
  });

/**
 * Findings over every region and the chosen range: all events read with the
 * shared reader (30-day slices; parts older than `archiveBefore` from the
 * imported archives), then rules and detectors in the worker. The result
 * says how many events were examined, how many came from archives, and
 * which regions failed.
 */
export const findingsQueryOptions = (
  regions: readonly string[],
  from: number,
  to: number,
  userRules: readonly string[],
  disabled: readonly string[],
  archiveBefore?: number,
) =>
  queryOptions({
    queryKey: insightKeys.findings(
      regions,
      from,
      to,
      userRules,
      disabled,
      archiveBefore,
    ),
    queryFn: async ({ signal }) => {
      const read = await readAllEvents(
        {
          regions,
          window: { startMs: from, endMs: to },
          attributes: [],
          ...(archiveBefore === undefined ? {} : { archiveBefore }),
        },
        { signal },
      );
      const result = await findingsOffThread({
        events: eventsOf(read),
        userRules: [...userRules],
        disabled: [...disabled],
      });
      return {
        ...result,
        archiveEvents: read.archiveEvents,
        failedRegions: failedRegions(read),
      };
    },
    enabled: regions.length > 0,
    staleTime: 10 * 60_000,
  });
