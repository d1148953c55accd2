import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { regionsQueryOptions } from "@/features/regions/queries";

/** The regions to fan out to and a stable "now" (to the minute) for an investigation. */
export function useInvestigationWindow(rangeMs: number) {
  const regions = useQuery(regionsQueryOptions());
  const regionIds = useMemo(
    () => (regions.data ?? []).map((r) => r.id),
    [regions.data],
  );
  const [now, setNow] = useState(
    () => Math.floor(Date.now() / 60_000) * 60_000,
  );
  return {
    regions,
    regionIds,
    from: now - rangeMs,
    to: now,
    refresh: () => setNow(Math.floor(Date.now() / 60_000) * 60_000),
  };
}
