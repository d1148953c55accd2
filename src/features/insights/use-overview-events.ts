import { useQuery } from "@tanstack/react-query";
import {
  overviewEventsQueryOptions,
  overviewSoFarQueryOptions,
  type LoadedEvents,
} from "./queries";

/**
 * The overview's events of a region and range: all of them once read, and
 * while the read is under way what it has so far (`complete` false), so a
 * view can show first content before the last page arrives.
 */
export function useOverviewEvents(region: string, from: number, to: number) {
  const all = useQuery(overviewEventsQueryOptions(region, from, to));
  const soFar = useQuery(overviewSoFarQueryOptions(region, from, to));
  const data: LoadedEvents | undefined =
    all.data ?? (all.isPending ? soFar.data : undefined);
  return {
    data,
    complete: all.isSuccess,
    isError: all.isError,
    error: all.error,
    refetch: all.refetch,
  };
}
