import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  failedSpans,
  isComplete,
  readEvents,
  watermark,
  type ReadMode,
  type ReadResult,
} from "@/api/event-reader";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { regionsQueryOptions } from "@/features/regions/queries";
import { ALL_REGIONS } from "@/features/regions/use-region";
import { isCalendarPreset } from "@/lib/calendar-range";
import { runWhenIdle } from "@/lib/idle-work";
import { useSessionStore } from "@/stores/session-store";
import { createLoadedFilter, planConditions } from "./conditions";
import type { EventSearch } from "./filters";
import { createEventMerger } from "./merge";
import {
  archivedDaysQueryOptions,
  eventKeys,
  eventSearchQueryOptions,
  type ServerSearch,
} from "./queries";
import { noteRetry } from "./retry-notice";

/** The caps a user may choose for Load all (the first is the default). */
export const LOAD_ALL_LIMITS = [10_000, 50_000, 100_000] as const;
export type LoadAllLimit = (typeof LOAD_ALL_LIMITS)[number];
export const DEFAULT_LOAD_ALL_LIMIT: LoadAllLimit = 10_000;

/**
 * How often a running read writes its progress to the cache. Each write
 * re-derives the table and the histogram (tens of milliseconds with
 * thousands of rows), on the thread that also sends the next calls: Load all
 * reports once a second so that work does not eat into its rate, Load more
 * and Retry (a page or a few) a few times a second.
 */
export const PROGRESS_INTERVAL_MS: Record<ReadMode, number> = {
  page: 300,
  failed: 300,
  all: 1000,
};

export interface ContinueRequest {
  mode: ReadMode;
  /** The Load all limit (total events); none for Load more and Retry. */
  cap?: number | undefined;
}

/**
 * Continues the cached read of `search` (Load more, Load all, Retry the
 * missing parts), writing its progress into the same cache entry a few times
 * a second; an abort keeps what was read, and the ledger keeps what was not.
 */
async function continueRead(
  queryClient: QueryClient,
  search: ServerSearch,
  { mode, cap }: ContinueRequest,
  signal: AbortSignal,
): Promise<ReadResult | undefined> {
  const key = eventKeys.read(search);
  const current = queryClient.getQueryData<ReadResult>(key);
  if (!current) return undefined;
  let last = 0;
  const result = await readEvents(current, {
    mode,
    cap,
    signal,
    onRetry: noteRetry,
    onProgress: (progress) => {
      const now = Date.now();
      if (now - last < PROGRESS_INTERVAL_MS[mode]) return;
      last = now;
      queryClient.setQueryData(key, progress);
    },
  });
  queryClient.setQueryData(key, result);
  return result;
}

const NO_LISTS: readonly AuditEvent[][] = [];

/** How long one background pass of a refine looks at events before letting input in. */
const REFINE_SLICE_MS = 8;
/** How long one slice of building the refine index runs before letting input and frames in. */
const INDEX_SLICE_MS = 4;
/** How long the refine text stays unchanged before the rest of its matches are looked for. */
const REFINE_SETTLE_MS = 300;

/** Everything the event search shows, derived from the query cache (never copied into state). */
export function useEventResults(search: EventSearch, region: string) {
  const queryClient = useQueryClient();
  const isAll = region === ALL_REGIONS;
  const regionsQuery = useQuery({ ...regionsQueryOptions(), enabled: isAll });
  const regionIds = useMemo(
    () => (isAll ? (regionsQuery.data ?? []).map((r) => r.id) : [region]),
    [isAll, regionsQuery.data, region],
  );
  const plan = useMemo(
    () => planConditions(search.filters, search.rw),
    [search.filters, search.rw],
  );
  const { zone } = useFormat();
  const archive = useSessionStore((s) => Boolean(s.demoState?.ownData));
  const archives = Boolean(useQuery(archivedDaysQueryOptions()).data);
  const serverSearch = useMemo<ServerSearch>(
    () => ({
      regions: regionIds,
      range: search.range,
      from: search.from,
      to: search.to,
      server: plan.server,
      // Only a calendar preset depends on the zone (a relative one keeps its cache entry).
      ...(isCalendarPreset(search.range) && !search.from ? { zone } : {}),
      ...(archive ? { archive } : {}),
      ...(archives ? { archives } : {}),
    }),
    [
      regionIds,
      search.range,
      search.from,
      search.to,
      plan.server,
      zone,
      archive,
      archives,
    ],
  );
  const read = useQuery({
    ...eventSearchQueryOptions(serverSearch),
    enabled: regionIds.length > 0,
  });
  const result = read.data;
  const signature = JSON.stringify(eventKeys.read(serverSearch));

  // Load more, Load all and Retry continue the cached read; one at a time.
  const controller = useRef<AbortController | null>(null);
  const [bulkFor, setBulkFor] = useState<string | null>(null);
  const [lastCap, setLastCap] = useState<number>(DEFAULT_LOAD_ALL_LIMIT);
  const more = useMutation({
    mutationFn: (request: ContinueRequest & { search: ServerSearch }) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      return continueRead(queryClient, request.search, request, abort.signal);
    },
  });
  const running = more.isPending;
  const runningMode = running ? more.variables?.mode : undefined;
  const start = (mode: ReadMode, cap?: number) => {
    if (!result || running) return;
    if (mode !== "page") setBulkFor(signature);
    if (mode === "all" && cap) setLastCap(cap);
    more.mutate({ mode, cap, search: serverSearch });
  };

  // Pages only get appended while a search loads: the merger folds in just
  // the new ones (see merge.ts).
  const [merger] = useState(createEventMerger);
  const read_ = useMemo(
    () => merger.merge(result?.chunks ?? NO_LISTS),
    [merger, result?.chunks],
  );
  // Read page by page over several regions, the newest events of a region
  // that answered faster are held back until every region has reached their
  // time (the watermark), so the merged timeline has no unmarked holes.
  // After Load all or Retry every event is shown, and the missing parts are
  // listed instead.
  // Failed parts do not hold rows back: the incomplete alert names them.
  const mark =
    result && bulkFor !== signature
      ? watermark({ ...result, todo: result.todo.filter((s) => !s.failure) })
      : -Infinity;
  const loaded = useMemo(
    () =>
      mark === -Infinity ? read_ : read_.filter((e) => !(e.timeMs < mark)),
    [read_, mark],
  );
  const heldBack = read_.length - loaded.length;
  // The rows change at once with the first matches; the rest are found a
  // few milliseconds at a time between keystrokes (see conditions.ts).
  const [loadedFilter] = useState(createLoadedFilter);
  const [filtered, setFiltered] = useState(0);
  const view = useMemo(
    () =>
      loadedFilter.view(loaded, plan.browser, search.exclude, search.refine),
    // `filtered` counts the background passes that finished: a new view then.
    [
      loadedFilter,
      loaded,
      plan.browser,
      search.exclude,
      search.refine,
      filtered,
    ],
  );
  useEffect(() => {
    if (view.done) return;
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      if (loadedFilter.work(REFINE_SLICE_MS)) setFiltered((n) => n + 1);
      else timer = setTimeout(step, 0);
    };
    // Once typing pauses: showing every match re-derives the whole table, a
    // long task a keystroke would wait behind.
    timer = setTimeout(step, REFINE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [loadedFilter, view]);
  // While no read is running and the rows are settled, the refine index of
  // these events is built from the browser's first idle moment, 4 ms at a
  // time, so a refine passes over blocks that cannot hold its text (see
  // refine-index.ts).
  const indexing = !running && view.done;
  useEffect(() => {
    if (!indexing) return;
    return runWhenIdle((ms) => loadedFilter.buildIndex(ms), INDEX_SLICE_MS);
  }, [loadedFilter, loaded, indexing]);
  const shown = view.rows;

  const complete = result ? isComplete(result) : false;
  const failed = result ? failedSpans(result) : [];
  return {
    plan,
    regionIds,
    regionsQuery,
    serverSearch,
    read,
    result,
    window: result?.scope.window,
    loaded,
    heldBack,
    watermarkMs: mark,
    shown,
    /** The refine has shown its first matches and is still looking through the rest. */
    refining: !view.done,
    complete,
    failed,
    /** Parts still unread that did not fail (Load more / Load all reach them). */
    unread: result ? result.todo.length - failed.length : 0,
    running,
    runningMode,
    continueError: more.error,
    lastCap,
    loadMore: () => start("page"),
    loadAll: (cap: number) => start("all", cap),
    retryMissing: () => start("failed"),
    cancel: () => controller.current?.abort(),
  };
}

export type EventResults = ReturnType<typeof useEventResults>;
