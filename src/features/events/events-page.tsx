import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import { DisplayZoneContext } from "@/components/i18n/display-zone";
import { useFormat } from "@/components/i18n/use-format";
import { toApiTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { ConditionPlanNote } from "./condition-plan-note";
import { RunInLogService } from "./run-in-log-service";
import { EventPane } from "./event-pane";
import { EventPaneFrame, PHONE_QUERY, useMediaQuery } from "./event-pane-frame";
import { EventsHistogram } from "./events-histogram";
import { EventsTable } from "./events-table";
import { EventsToolbar } from "./events-toolbar";
import { useEventSearch } from "./filters";
import { MissingEventPane } from "./missing-event-pane";
import { eventDetailQueryOptions, SearchRangeError } from "./queries";
import { ResultsBody } from "./results-body";
import { RESULTS_ID } from "./results-focus";
import { useRetryNotice } from "./retry-notice";
import { SearchBar } from "./search-bar";
import { useSearchLinks } from "./search-links";
import { ShortcutsHelp } from "./shortcuts-help";
import { SharedZoneNote, useSharedZone, type SharedZone } from "./shared-zone";
import { sortEvents } from "./sort";
import { useEventsPageShortcuts } from "./use-events-page-shortcuts";
import { useEventResults } from "./use-event-results";
import { useOpenEvent } from "./use-open-event";
import "./events.css";

/**
 * The auditor's main screen: search ActionTrail events, read them, follow
 * them, export them. A shared link's time zone wins for this view.
 */
export function EventsPage() {
  const shared = useSharedZone();
  return (
    <DisplayZoneContext value={shared.override}>
      <EventsScreen shared={shared} />
    </DisplayZoneContext>
  );
}

function EventsScreen({ shared }: { shared: SharedZone }) {
  const { t } = useLingui();
  const { number, time, zoneLabel } = useFormat();
  useDocumentTitle(t`Events`);
  const { region } = useRegion();
  const { search, setSearch } = useEventSearch();
  const deferredSearch = useDeferredValue(search);
  const results = useEventResults(deferredSearch, region);
  const { read, plan } = results;
  const retry = useRetryNotice((s) => s.last);
  const [keepRelative, setKeepRelative] = useState(false);

  const sorted = useMemo(
    () => sortEvents(results.shown, search.sort),
    [results.shown, search.sort],
  );
  const openId = search.eventId;
  const loadedOpen = useMemo(
    () => (openId ? results.loaded.find((e) => e.id === openId) : undefined),
    [results.loaded, openId],
  );
  const detail = useQuery({
    ...eventDetailQueryOptions(region, openId ?? ""),
    enabled:
      Boolean(openId) &&
      !loadedOpen &&
      region !== ALL_REGIONS &&
      read.isSuccess,
  });
  const openEvent = loadedOpen ?? detail.data ?? undefined;
  const pane = useOpenEvent(sorted, openId, setSearch);

  const [paneFull, setPaneFull] = useState(false);
  const phone = useMediaQuery(PHONE_QUERY);
  const paneWidth = usePrefsStore((s) => s.eventPaneWidth);
  const paneId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  useEventsPageShortcuts({
    events: sorted,
    open: pane.open,
    showHelp: () => setHelpOpen(true),
  });

  const window = results.window;
  const { frozen, sharedLink, eventLink, caseSearch } = useSearchLinks({
    search,
    region,
    window,
    zone: shared.effective,
    keepRelative,
  });
  const retrying =
    retry !== undefined && (read.isFetching || results.running)
      ? retry.code
      : undefined;
  const refused = read.error instanceof SearchRangeError;
  const regionCount = number(results.regionIds.length);

  const paneOpen = Boolean(openId);
  const covered = paneOpen && (paneFull || phone);
  return (
    <section
      aria-labelledby="events-title"
      className={`events-page${paneOpen ? " has-pane" : ""}${paneOpen && paneFull ? " pane-full" : ""}`}
      style={{ "--event-pane-width": `${paneWidth}px` } as React.CSSProperties}
    >
      <div className="events-main" inert={covered}>
        <header className="events-header">
          <h1 id="events-title">
            <Trans>Events</Trans>
          </h1>
          <p className="muted">
            {region === ALL_REGIONS ? (
              t`All regions (${regionCount})`
            ) : (
              <SafeText value={region} />
            )}
            {window && (
              <>
                {" "}
                · {time(window.startMs)} {zoneLabel(window.startMs)} –{" "}
                {time(window.endMs)} {zoneLabel(window.endMs)}
              </>
            )}
          </p>
          <button
            type="button"
            className="shortcuts-button"
            aria-haspopup="dialog"
            onClick={() => setHelpOpen(true)}
          >
            <Trans>Keyboard shortcuts</Trans> <kbd aria-hidden="true">?</kbd>
          </button>
        </header>
        <SharedZoneNote shared={shared} />
        <SearchBar
          search={search}
          plan={plan}
          loaded={results.loaded}
          onChange={setSearch}
        />
        <ConditionPlanNote plan={plan} />
        {plan.browser.length > 0 && (
          <RunInLogService
            search={search}
            region={region}
            window={window}
            filteredInBrowser
          />
        )}
        {results.regionsQuery.isError && (
          <ErrorPanel
            error={results.regionsQuery.error}
            title={t`The region list could not be loaded`}
            onRetry={() => void results.regionsQuery.refetch()}
          />
        )}
        <EventsToolbar
          results={results}
          search={search}
          region={region}
          refused={refused}
          retrying={retrying}
          sharedLink={sharedLink}
          keepRelative={keepRelative}
          onKeepRelativeChange={setKeepRelative}
        />
        {window && !refused && results.shown.length > 0 && (
          <EventsHistogram
            events={results.shown}
            window={window}
            onNarrow={(start, end) =>
              setSearch({ from: toApiTime(start), to: toApiTime(end) })
            }
          />
        )}
        <div
          id={RESULTS_ID}
          className="events-results"
          tabIndex={-1}
          role="region"
          aria-label={t`Results`}
          // The refine text the rows below are filtered by (the benchmark
          // times typing → rows with it): the deferred one the rows were
          // derived from, set in the same commit as they are. The rows lag
          // what was just typed for a moment (useDeferredValue above), and a
          // refine over many events finishes in slices: busy until both are
          // done.
          data-refine={deferredSearch.refine}
          aria-busy={deferredSearch !== search || results.refining}
        >
          <ResultsBody results={results}>
            <EventsTable
              events={sorted}
              sort={search.sort}
              onSortChange={(sort) => setSearch({ sort }, { replace: true })}
              openEventId={openId}
              onOpen={pane.open}
              label={t`Events`}
              caseSearch={caseSearch}
              onFieldFilter={(c, how) =>
                setSearch(
                  how === "only"
                    ? { filters: [...search.filters, c] }
                    : { exclude: [...search.exclude, c] },
                )
              }
            />
          </ResultsBody>
        </div>
      </div>
      {openId && (
        <EventPaneFrame
          full={paneFull}
          onFullChange={setPaneFull}
          onBack={pane.close}
          paneId={paneId}
        >
          {!openEvent && (
            <MissingEventPane
              detail={detail}
              searched={read.isSuccess}
              onClose={pane.close}
            />
          )}
          {openEvent && (
            <EventPane
              event={openEvent}
              region={region}
              range={frozen}
              deepLink={eventLink}
              onClose={pane.close}
              onPrevious={pane.onPrevious}
              onNext={pane.onNext}
              onOpenId={pane.openById}
            />
          )}
        </EventPaneFrame>
      )}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
