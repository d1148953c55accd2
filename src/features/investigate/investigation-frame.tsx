import { Trans, useLingui } from "@lingui/react/macro";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { toApiTime } from "@/lib/time";
import type { CaseSearch } from "@/stores/cases-store";
import { CaseBar } from "./case-bar";
import { FoundNote } from "./detect-note";
import type { InvestigateRange } from "./filters";
import type { InvestigationEvents } from "./queries";
import { RangeSelect } from "./range-select";
import type { useInvestigationWindow } from "./use-investigation-window";

type InvestigationWindow = ReturnType<typeof useInvestigationWindow>;

/** What a case records of the investigation that found its events. */
export function useCaseSearch(
  label: string,
  w: InvestigationWindow,
): CaseSearch {
  const location = useLocation();
  return {
    label,
    href: `${location.pathname}${location.search}`,
    from: toApiTime(w.from),
    to: toApiTime(w.to),
  };
}

interface InvestigationFrameProps {
  titleId: string;
  title: ReactNode;
  range: InvestigateRange;
  /** The range a link without one opens with. */
  defaultRange: InvestigateRange;
  window: InvestigationWindow;
  loaded: UseQueryResult<InvestigationEvents>;
  /** "The identity's events", as the error message names them. */
  subject: string;
  loadingTitle: string;
  /** Shown whatever the events' state (the AccessKey audit). */
  aside?: ReactNode;
  /** Shown when the window holds no events. */
  empty: ReactNode;
  /** The line that counts the events, above the failed regions' notice. */
  summary: (data: InvestigationEvents) => ReactNode;
  /** What the page shows of its events. */
  children: ReactNode;
}

/**
 * The frame both investigations share: title, time range and Refresh, the
 * case bar, then the regions' and the events' error, loading and empty
 * states, and the regions that failed, around what the page shows.
 */
export function InvestigationFrame({
  titleId,
  title,
  range,
  defaultRange,
  window: w,
  loaded,
  subject,
  loadingTitle,
  aside,
  empty,
  summary,
  children,
}: InvestigationFrameProps) {
  const { t } = useLingui();
  const data = loaded.data;
  const failed = data?.failedRegions.join(", ") ?? "";
  return (
    <section className="investigate-page" aria-labelledby={titleId}>
      <header className="page-header">
        <h1 id={titleId}>{title}</h1>
        <span className="page-tools">
          <RangeSelect value={range} fallback={defaultRange} />
          <button type="button" onClick={w.refresh}>
            <Trans>Refresh</Trans>
          </button>
        </span>
      </header>
      <FoundNote />
      <CaseBar />
      {aside}
      {w.regions.isError ? (
        <ErrorPanel
          error={w.regions.error}
          title={t`Regions could not be loaded`}
          onRetry={() => void w.regions.refetch()}
        />
      ) : loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          title={t`${subject} could not be loaded`}
          onRetry={() => void loaded.refetch()}
        />
      ) : !data ? (
        <LoadingState title={loadingTitle} />
      ) : data.events.length === 0 ? (
        empty
      ) : (
        <>
          {summary(data)}
          {data.failedRegions.length > 0 && (
            <p role="status" className="notice warn">
              <Trans>Events of {failed} could not be loaded.</Trans>
            </p>
          )}
          {children}
        </>
      )}
    </section>
  );
}
