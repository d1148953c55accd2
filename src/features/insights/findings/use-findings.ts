import { useQuery } from "@tanstack/react-query";
import { findingsQueryOptions, findingsSoFarQueryOptions } from "../queries";

/**
 * The findings of a range: the whole result once the read is complete, and
 * until then the rule findings of what was read so far (`partial`). `shown`
 * is whichever the view draws; `result` is the whole read's query, for its
 * ledger, its error and Retry.
 */
export function useFindings(
  args: Parameters<typeof findingsQueryOptions>,
  enabled: boolean,
) {
  const result = useQuery({ ...findingsQueryOptions(...args), enabled });
  // While the read runs: the rule hits of what was read so far.
  const soFar = useQuery({
    ...findingsSoFarQueryOptions(...args),
    enabled: enabled && !result.data,
  });
  const partial = result.data ? undefined : soFar.data;
  return { result, partial, shown: result.data ?? partial };
}
