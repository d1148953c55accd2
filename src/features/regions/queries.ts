import { queryOptions } from "@tanstack/react-query";
import { rpc } from "@/api/client";
import type { Locale } from "@/lib/locale";
import { DEFAULT_REGION } from "@/stores/prefs-store";

export const regionKeys = {
  all: ["regions"] as const,
  list: (locale: Locale) => [...regionKeys.all, "list", locale] as const,
};

/**
 * The regions ActionTrail serves (DescribeRegions), with their names in the
 * console's language as the service gives them (`AcceptLanguage`: 华东1（杭州）
 * in zh-CN), fetched once per session and language.
 */
export const regionsQueryOptions = (locale: Locale = "en-US") =>
  queryOptions({
    queryKey: regionKeys.list(locale),
    queryFn: ({ signal }) =>
      rpc(
        DEFAULT_REGION,
        "DescribeRegions",
        { AcceptLanguage: locale },
        { signal },
      ),
    select: (result) => result.regions,
    staleTime: Infinity,
    gcTime: Infinity,
  });
