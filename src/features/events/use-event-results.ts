import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { regionsQueryOptions } from "@/features/regions/queries";
import { ALL_REGIONS } from "@/features/regions/use-region";
import { useSessionStore } from "@/stores/session-store";
import { filterLoaded, planConditions } from "./conditions";
import type { EventSearch } from "./filters";
import type { RegionFailure } from "./loader";
import { createEventMerger } from "./merge";
import {
  eventKeys,
  eventsInfiniteQueryOptions,
  eventsLoadAllQueryOptions,
  type ServerSearch,
} from "./queries";

/** The caps a user may choose for Load all (the first is the default). */
export const LOAD_ALL_LIMITS = [10_000, 50_000, 100_000] as const;
export type LoadAllLimit = (typeof LOAD_ALL_LIMITS)[number];
export const DEFAULT_LOAD_ALL_LIMIT: LoadAllLimit = 10_000;

const NO_LISTS: readonly AuditEvent[][] = [];

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
  const archive = useSessionStore((s) => Boolean(s.demoState?.ownData));
  const serverSearch = useMemo<ServerSearch>(
    () => ({
      regions: regionIds,
      range: search.range,
      from: search.from,
      to: search.to,
      server: plan.server,
      ...(archive ? { archive } : {}),
    }),
    [regionIds, search.range, search.from, search.to, plan.server, archive],
  );
  const pages = useInfiniteQuery({
    ...eventsInfiniteQueryOptions(serverSearch),
    enabled: regionIds.length > 0,
  });
  const window = pages.data?.pages[0]?.window;

  const signature = JSON.stringify(eventKeys.list(serverSearch));
  // Which search Load all runs for, and the cap chosen when it started.
  const [loadAllRun, setLoadAllRun] = useState<{
    signature: string;
    cap: number;
  } | null>(null);
  const loadAllOn = loadAllRun?.signature === signature;
  const loadAllCap = loadAllRun?.cap ?? DEFAULT_LOAD_ALL_LIMIT;
  const loadAll = useQuery({
    ...eventsLoadAllQueryOptions(serverSearch, window, loadAllCap),
    enabled: loadAllOn && window !== undefined,
  });

  // Pages and Load all chunks only get appended while a search loads: the
  // merger folds in just the new ones (see merge.ts).
  const [merger] = useState(createEventMerger);
  const loadAllChunks = loadAllOn ? loadAll.data?.chunks : undefined;
  const loaded = useMemo(
    () =>
      merger.merge([
        ...(pages.data?.pages.map((p) => p.events) ?? NO_LISTS),
        ...(loadAllChunks ?? NO_LISTS),
      ]),
    [merger, pages.data, loadAllChunks],
  );
  const shown = useMemo(
    () => filterLoaded(loaded, plan.browser, search.exclude, search.refine),
    [loaded, plan.browser, search.exclude, search.refine],
  );

  const lastPage = pages.data?.pages.at(-1);
  const failures: RegionFailure[] = lastPage?.failures ?? [];
  const requests =
    (pages.data?.pages.reduce((n, p) => n + p.requests, 0) ?? 0) +
    (loadAllOn ? (loadAll.data?.requests ?? 0) : 0);

  const loadAllDone =
    loadAllOn && loadAll.isSuccess && loadAll.fetchStatus === "idle";
  const moreAvailable = loadAllDone
    ? Boolean(loadAll.data?.truncated)
    : pages.hasNextPage;

  return {
    plan,
    regionIds,
    regionsQuery,
    serverSearch,
    pages,
    window,
    loadAll,
    loadAllOn,
    loaded,
    shown,
    failures,
    requests,
    moreAvailable,
    loadAllCap,
    startLoadAll: (cap: number) => setLoadAllRun({ signature, cap }),
    cancelLoadAll: () =>
      void queryClient.cancelQueries(
        { queryKey: eventKeys.loadAll(serverSearch, window, loadAllCap) },
        { revert: false },
      ),
  };
}
