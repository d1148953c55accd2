import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  DEFAULT_INSIGHTS_FILTERS,
  parseInsightsFilters,
  type InsightsFilters,
} from "./filters";

/** The insights page's URL state: range, histogram stacking and the field of the field statistics. */
export function useInsightsFilters(): [
  InsightsFilters,
  (patch: Partial<InsightsFilters>) => void,
] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseInsightsFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<InsightsFilters>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(patch)) {
            if (
              value === DEFAULT_INSIGHTS_FILTERS[key as keyof InsightsFilters]
            )
              next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filters, update];
}
