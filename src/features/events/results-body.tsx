import { useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { SearchRangeError } from "./queries";
import { RangeRefusal } from "./range-refusal";
import { searchHint } from "./search-hint";
import type { EventResults } from "./use-event-results";

interface ResultsBodyProps {
  results: EventResults;
  /** The table of the shown events, when there are some. */
  children: ReactNode;
}

/**
 * What the results area shows: the refusal of a range the service would
 * refuse, a refused search with Retry, the search running, an empty result
 * that says why (nothing in range, nothing matching the browser filters,
 * parts still unread) — or the table.
 */
export function ResultsBody({ results, children }: ResultsBodyProps) {
  const { t } = useLingui();
  const { read } = results;
  if (read.error instanceof SearchRangeError)
    return <RangeRefusal message={read.error.message} />;
  if (read.isError && !read.data)
    return (
      <ErrorPanel
        error={read.error}
        title={t`The search was refused`}
        hint={searchHint(read.error)}
        onRetry={() => void read.refetch()}
      />
    );
  if (read.isPending)
    // Pending also covers "All regions" while the region list is still loading.
    return results.regionsQuery.isError ? null : (
      <LoadingState title={t`Searching events…`} />
    );
  if (results.shown.length === 0)
    return (
      <EmptyState
        title={
          results.loaded.length
            ? t`No loaded event matches the browser filters.`
            : results.complete
              ? t`No events in this range.`
              : t`No events read yet.`
        }
      >
        <p className="muted">
          {!results.complete
            ? t`Parts of the search are not read yet: load more, or retry the missing parts.`
            : t`Widen the time range or remove a condition.`}
        </p>
      </EmptyState>
    );
  return children;
}
