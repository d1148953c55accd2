import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import { listBuckets } from "@/api/oss-buckets";

export const trailKeys = {
  all: ["trails"] as const,
  buckets: () => [...trailKeys.all, "buckets"] as const,
  lists: () => [...trailKeys.all, "list"] as const,
  list: (region: string) => [...trailKeys.lists(), region] as const,
  statuses: () => [...trailKeys.all, "status"] as const,
  status: (region: string, name: string, isOrganizationTrail = false) =>
    [...trailKeys.statuses(), region, name, isOrganizationTrail] as const,
};

/** The trails seen from a region (DescribeTrails, shadow copies of all-region trails included). */
export const trailsQueryOptions = (region: string) =>
  queryOptions({
    queryKey: trailKeys.list(region),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "DescribeTrails",
        { IncludeShadowTrails: true, IncludeOrganizationTrail: true },
        { signal },
      ),
    select: (result) => result.trails,
  });

/** Logging and delivery of one trail (GetTrailStatus), asked in the trail's home region. */
export const trailStatusQueryOptions = (
  region: string,
  name: string,
  isOrganizationTrail = false,
) =>
  queryOptions({
    queryKey: trailKeys.status(region, name, isOrganizationTrail),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "GetTrailStatus",
        {
          Name: name,
          ...(isOrganizationTrail ? { IsOrganizationTrail: true } : {}),
        },
        { signal },
      ),
    staleTime: 15_000,
  });

/** The account's OSS buckets with their ACL and the trails delivering to each (OSS ListBuckets via the API layer). */
export const bucketsQueryOptions = () =>
  queryOptions({
    queryKey: trailKeys.buckets(),
    queryFn: ({ signal }) => listBuckets(signal),
    staleTime: 60_000,
  });
