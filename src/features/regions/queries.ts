import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import { DEFAULT_REGION } from "@/stores/prefs-store";

export const regionKeys = {
  all: ["regions"] as const,
  list: () => [...regionKeys.all, "list"] as const,
};

/** The regions ActionTrail serves (DescribeRegions), fetched once per session. */
export const regionsQueryOptions = () =>
  queryOptions({
    queryKey: regionKeys.list(),
    queryFn: ({ signal }) =>
      rpc(
        DEFAULT_REGION,
        "DescribeRegions",
        { AcceptLanguage: "en-US" },
        { signal },
      ),
    select: (result) => result.regions,
    staleTime: Infinity,
    gcTime: Infinity,
  });
