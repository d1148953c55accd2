import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import { logstoreTrailsOf, type LogstoreTrail } from "@/api/log-service";
import { readAllEvents, eventsOf, failedRegions } from "@/api/event-reader";
import { DAY } from "@/lib/time";

/** How many events the Query page reads into the engine at most. */
export const QUERY_EVENTS_CAP = 50_000;
export const QUERY_RANGES = {
  "24h": DAY,
  "7d": 7 * DAY,
  "30d": 30 * DAY,
} as const;
export type QueryRange = keyof typeof QUERY_RANGES;

export const queryKeys = {
  all: ["query"] as const,
  events: (region: string, range: QueryRange, to: number) =>
    [...queryKeys.all, "events", region, range, to] as const,
  logstoreTrails: (region: string) =>
    [...queryKeys.all, "logstore-trails", region] as const,
};

/** The events of one region and range the engine is filled with (through the one event reader). */
export const queryEventsQueryOptions = (
  region: string,
  range: QueryRange,
  to: number,
) =>
  queryOptions({
    queryKey: queryKeys.events(region, range, to),
    queryFn: async ({ signal }) => {
      const result = await readAllEvents(
        {
          regions: [region],
          window: { startMs: to - QUERY_RANGES[range], endMs: to },
          attributes: [],
        },
        { cap: QUERY_EVENTS_CAP, signal },
      );
      return {
        events: eventsOf(result),
        capped: result.capped,
        failedRegions: failedRegions(result),
        complete: result.todo.length === 0,
      };
    },
    staleTime: 10 * 60_000,
  });

/** The account's trails with a Log Service destination, seen from a region (DescribeTrails). */
export const logstoreTrailsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: queryKeys.logstoreTrails(region),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "DescribeTrails",
        { IncludeShadowTrails: true, IncludeOrganizationTrail: true },
        { signal },
      ),
    select: (result): LogstoreTrail[] => logstoreTrailsOf(result.trails),
    staleTime: 5 * 60_000,
  });
