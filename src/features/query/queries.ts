import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
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

/** A trail that delivers to a Log Service logstore, where the Query page can run. */
export interface LogstoreTrail {
  name: string;
  homeRegion: string;
  project: string;
  logstore: string;
}

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
    select: (result): LogstoreTrail[] => {
      const seen = new Map<string, LogstoreTrail>();
      for (const trail of result.trails) {
        const project = /:project\/(.+)$/.exec(trail.slsProjectArn ?? "")?.[1];
        if (!project || !trail.slsWriteRoleArn) continue;
        seen.set(`${trail.homeRegion}/${trail.name}`, {
          name: trail.name,
          homeRegion: trail.homeRegion,
          project,
          logstore: `actiontrail_${trail.name}`,
        });
      }
      return [...seen.values()];
    },
    staleTime: 5 * 60_000,
  });
