import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import { eventSearchHref } from "@/lib/event-search-url";
import { DisplayZoneContext } from "@/components/i18n/display-zone";
import { useFormat } from "@/components/i18n/use-format";
import { toApiTime, zoneToParam } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { ColumnChooser } from "./column-chooser";
import { ConditionPlanNote } from "./condition-plan-note";
import { EventPane } from "./event-pane";
import { EventPaneFrame, PHONE_QUERY, useMediaQuery } from "./event-pane-frame";
import { EventsHistogram } from "./events-histogram";
import { EventsTable } from "./events-table";
import { ExportMenu } from "./export-menu";
import { toSearchLink, useEventSearch, withSort, withZone } from "./filters";
import { LoadAllProgress } from "./load-all-progress";
import { MissingEventPane } from "./missing-event-pane";
import { eventDetailQueryOptions, SearchRangeError } from "./queries";
import { RangeRefusal } from "./range-refusal";
import {
  HeldBackNote,
  MissingParts,
  ResultsStatus,
  SearchScope,
} from "./results-status";
import { useRetryNotice } from "./retry-notice";
import { activeRow, RESULTS_ID } from "./results-focus";
import { SearchBar } from "./search-bar";
import { searchHint } from "./search-hint";
import { ShortcutsHelp } from "./shortcuts-help";
import { SharedZoneNote, useSharedZone, type SharedZone } from "./shared-zone";
import { sortEvents } from "./sort";
import { useEventsPageShortcuts } from "./use-events-page-shortcuts";
import {
  DEFAULT_LOAD_ALL_LIMIT,
  LOAD_ALL_LIMITS,
  useEventResults,
} from "./use-event-results";
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
  const [loadAllLimit, setLoadAllLimit] = useState<number>(
    DEFAULT_LOAD_ALL_LIMIT,
  );
  const limitId = useId();
  const returnFocus = useRef<HTMLElement | null>(null);

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

  const openById = useCallback(
    (id: string) => {
      if (
        document.activeElement instanceof HTMLElement &&
        !document.activeElement.closest(".event-pane")
      )
        returnFocus.current = document.activeElement;
      setSearch({ eventId: id });
    },
    [setSearch],
  );
  const open = useCallback((e: AuditEvent) => openById(e.id), [openById]);
  // Closing hands focus back once the pane is gone and the results are
  // reachable again (a popped-out pane or phone sheet makes them inert).
  const focusBack = useRef<{ target: HTMLElement | null }>(undefined);
  const close = () => {
    focusBack.current = { target: returnFocus.current };
    setSearch({ eventId: undefined });
  };
  useEffect(() => {
    const back = focusBack.current;
    if (openId || !back) return;
    focusBack.current = undefined;
    if (back.target?.isConnected) back.target.focus();
    else activeRow()?.focus();
  }, [openId]);

  const [paneFull, setPaneFull] = useState(false);
  const phone = useMediaQuery(PHONE_QUERY);
  const paneWidth = usePrefsStore((s) => s.eventPaneWidth);
  const paneId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  useEventsPageShortcuts({
    events: sorted,
    open,
    showHelp: () => setHelpOpen(true),
  });

  const position = useMemo(
    () => (openId ? sorted.findIndex((e) => e.id === openId) : -1),
    [sorted, openId],
  );
  const prevId = position > 0 ? sorted[position - 1]?.id : undefined;
  const nextId =
    position >= 0 && position < sorted.length - 1
      ? sorted[position + 1]?.id
      : undefined;

  const window = results.window;
  const frozen = window
    ? { from: toApiTime(window.startMs), to: toApiTime(window.endMs) }
    : {};
  const link = toSearchLink(search, region);
  const zoneParam = zoneToParam(shared.effective);
  const shareLink = withSort(
    eventSearchHref(
      keepRelative || search.from
        ? link
        : { ...link, ...frozen, range: undefined },
    ),
    search.sort,
  );
  const sharedLink = withZone(shareLink, zoneParam);
  const origin = typeof location === "undefined" ? "" : location.origin;
  const eventLink = openId
    ? withZone(
        withSort(
          eventSearchHref({
            ...link,
            ...frozen,
            range: undefined,
            eventId: openId,
          }),
          search.sort,
        ),
        zoneParam,
      )
    : "";
  // Pinned events reopen this search at the absolute range it covered.
  const caseSearch = window
    ? {
        label: t`Event search`,
        href: withZone(
          withSort(
            eventSearchHref({ ...link, ...frozen, range: undefined }),
            search.sort,
          ),
          zoneParam,
        ),
        from: toApiTime(window.startMs),
        to: toApiTime(window.endMs),
      }
    : undefined;

  // Pending also covers "All regions" while the region list is still loading.
  const searching = read.isPending && !results.regionsQuery.isError;
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
  const retrying =
    retry !== undefined && (read.isFetching || results.running)
      ? retry.code
      : undefined;
  const refusal =
    read.error instanceof SearchRangeError ? read.error : undefined;

  const regionCount = number(results.regionIds.length);
  const loadAllCap = number(loadAllLimit);

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
        {results.regionsQuery.isError && (
          <ErrorPanel
            error={results.regionsQuery.error}
            title={t`The region list could not be loaded`}
            onRetry={() => void results.regionsQuery.refetch()}
          />
        )}
        <div className="events-toolbar">
          {!refusal && <ResultsStatus results={results} retrying={retrying} />}
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
                onChange={(e) => setKeepRelative(e.target.checked)}
              />{" "}
              <Trans>keep the range relative</Trans>
            </label>
          </span>
          <ColumnChooser events={results.shown} />
          <ExportMenu
            shown={results.shown}
            region={region}
            regions={results.regionIds}
            window={window}
            server={plan.server}
            browser={plan.browser}
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
        {window && !refusal && results.shown.length > 0 && (
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
          // times typing → rows with it).
          data-refine={search.refine}
          aria-busy={results.refining}
        >
          {refusal ? (
            <RangeRefusal message={refusal.message} />
          ) : read.isError && !read.data ? (
            <ErrorPanel
              error={read.error}
              title={t`The search was refused`}
              hint={searchHint(read.error)}
              onRetry={() => void read.refetch()}
            />
          ) : read.isPending ? (
            searching && <LoadingState title={t`Searching events…`} />
          ) : results.shown.length === 0 ? (
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
          ) : (
            <EventsTable
              events={sorted}
              sort={search.sort}
              onSortChange={(sort) => setSearch({ sort }, { replace: true })}
              openEventId={openId}
              onOpen={open}
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
          )}
        </div>
      </div>
      {openId && (
        <EventPaneFrame
          full={paneFull}
          onFullChange={setPaneFull}
          onBack={close}
          paneId={paneId}
        >
          {!openEvent && (
            <MissingEventPane
              detail={detail}
              searched={read.isSuccess}
              onClose={close}
            />
          )}
          {openEvent && (
            <EventPane
              event={openEvent}
              region={region}
              range={frozen}
              deepLink={eventLink}
              onClose={close}
              onPrevious={
                prevId
                  ? () => setSearch({ eventId: prevId }, { replace: true })
                  : undefined
              }
              onNext={
                nextId
                  ? () => setSearch({ eventId: nextId }, { replace: true })
                  : undefined
              }
              onOpenId={openById}
            />
          )}
        </EventPaneFrame>
      )}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
