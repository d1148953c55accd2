import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useFormat } from "@/components/i18n/use-format";
import { ColumnChooser } from "./column-chooser";
import { ExportMenu } from "./export-menu";
import type { EventSearch } from "./filters";
import { LoadAllProgress } from "./load-all-progress";
import { SavedSearchesMenu } from "./saved-searches-menu";
import {
  HeldBackNote,
  MissingParts,
  ResultsStatus,
  SearchScope,
} from "./results-status";
import {
  DEFAULT_LOAD_ALL_LIMIT,
  LOAD_ALL_LIMITS,
  type EventResults,
} from "./use-event-results";

interface EventsToolbarProps {
  results: EventResults;
  search: EventSearch;
  region: string;
  /** The search was refused before it ran (its range): no status to show. */
  refused: boolean;
  /** The error code a request is being retried for, while it is. */
  retrying: string | undefined;
  /** The link Copy link copies. */
  sharedLink: string;
  keepRelative: boolean;
  onKeepRelativeChange: (keep: boolean) => void;
}

/**
 * Above the results: what was read and what is left (status, scope, missing
 * parts, held-back rows), Load more, Load all with its limit and progress,
 * Copy link, the column chooser and Export.
 */
export function EventsToolbar({
  results,
  search,
  region,
  refused,
  retrying,
  sharedLink,
  keepRelative,
  onKeepRelativeChange,
}: EventsToolbarProps) {
  const { t } = useLingui();
  const { number } = useFormat();
  const limitId = useId();
  const [loadAllLimit, setLoadAllLimit] = useState<number>(
    DEFAULT_LOAD_ALL_LIMIT,
  );
  const loadAllRunning =
    results.runningMode === "all" || results.runningMode === "failed";
  const count = results.result?.count ?? 0;
  // Load all reads what is left up to the chosen limit; after it stops at
  // the limit it can run again with a higher one.
  const canLoadAll =
    results.result !== undefined &&
    !results.complete &&
    !results.running &&
    count < loadAllLimit;
  const loadAllCap = number(loadAllLimit);
  const origin = typeof location === "undefined" ? "" : location.origin;
  return (
    <>
      <div className="events-toolbar">
        {!refused && <ResultsStatus results={results} retrying={retrying} />}
        <button
          type="button"
          onClick={results.loadMore}
          disabled={!results.result || results.complete || results.running}
        >
          {results.runningMode === "page" ? t`Loading…` : t`Load more`}
        </button>
        <span className="load-all">
          <button
            type="button"
            onClick={() => results.loadAll(loadAllLimit)}
            disabled={!canLoadAll}
          >
            {t`Load all (up to ${loadAllCap})`}
          </button>
          <label htmlFor={limitId} className="visually-hidden">
            <Trans>Load all limit</Trans>
          </label>
          <select
            id={limitId}
            value={loadAllLimit}
            onChange={(e) => setLoadAllLimit(Number(e.target.value))}
            disabled={loadAllRunning}
            title={t`How many events Load all reads at most`}
          >
            {LOAD_ALL_LIMITS.map((n) => {
              const limit = number(n);
              return (
                <option key={n} value={n}>
                  {t`${limit} events`}
                </option>
              );
            })}
          </select>
        </span>
        <span className="copy-link">
          <CopyButton
            value={`${origin}${sharedLink}`}
            label={t`Copy link to this search`}
          >
            <Trans>Copy link</Trans>
          </CopyButton>
          <label>
            <input
              type="checkbox"
              checked={keepRelative}
              onChange={(e) => onKeepRelativeChange(e.target.checked)}
            />{" "}
            <Trans>keep the range relative</Trans>
          </label>
        </span>
        <SavedSearchesMenu
          search={search}
          region={region}
          window={results.window}
          loaded={results.loaded}
        />
        <ColumnChooser events={results.shown} />
        <ExportMenu
          shown={results.shown}
          region={region}
          regions={results.regionIds}
          window={results.window}
          server={results.plan.server}
          browser={results.plan.browser}
          exclude={search.exclude}
          refine={search.refine}
        />
      </div>
      <SearchScope results={results} />
      {(loadAllRunning || results.result?.cancelled) && (
        <LoadAllProgress
          key={results.lastCap}
          events={count}
          requests={results.result?.requests ?? 0}
          cap={results.lastCap}
          running={loadAllRunning}
          onCancel={results.cancel}
        />
      )}
      <MissingParts results={results} />
      <HeldBackNote results={results} />
      {results.continueError !== null && (
        <ErrorPanel
          error={results.continueError}
          title={t`Loading stopped; the loaded events are kept`}
          onRetry={results.loadMore}
        />
      )}
    </>
  );
}
