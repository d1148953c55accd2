import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { usePrefsStore } from "@/stores/prefs-store";
import { regionsQueryOptions } from "./queries";

/** The pseudo-region of screens that fan out to every region. */
export const ALL_REGIONS = "all";

const REGION_PATTERN = /^[a-z]{2,3}(-[a-z0-9]+){1,3}$/;

/** Whether a string has the shape of an Alibaba Cloud region ID (or is "all"). */
export const isRegionLike = (value: string): boolean =>
  value === ALL_REGIONS || REGION_PATTERN.test(value);

/**
 * The region the console looks at: `?region=` in the URL (so links carry it),
 * else the last region chosen, remembered as a preference, as long as the
 * account serves it (DescribeRegions); else the first region it serves.
 */
export function useRegion(): {
  region: string;
  setRegion: (region: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const lastRegion = usePrefsStore((s) => s.lastRegion);
  const setLastRegion = usePrefsStore((s) => s.setLastRegion);
  const served = useQuery(regionsQueryOptions()).data;
  const fromUrl = params.get("region");
  const remembered =
    served?.length && !served.some((r) => r.id === lastRegion)
      ? (served[0]?.id ?? lastRegion)
      : lastRegion;
  const region = fromUrl && isRegionLike(fromUrl) ? fromUrl : remembered;
  const setRegion = useCallback(
    (next: string) => {
      if (next !== ALL_REGIONS) setLastRegion(next);
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          copy.set("region", next);
          return copy;
        },
        { replace: false },
      );
    },
    [setLastRegion, setParams],
  );
  return { region, setRegion };
}
