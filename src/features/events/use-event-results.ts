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
import {
  eventKeys,
  eventsInfiniteQueryOptions,
  eventsLoadAllQueryOptions,
  type ServerSearch,
} from "./queries";

export const LOAD_ALL_CAP = 10_000;

function mergeUnique(lists: AuditEvent[][]): AuditEvent[] {
  const seen = new Set<string>();
  const out: AuditEvent[] = [];
  for (const list of lists)
    for (const e of list) {
      const key = `${e.region}/${e.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  out.sort((a, b) => b.timeMs - a.timeMs);
  return out;
}

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
  const [loadAllFor, setLoadAllFor] = useState<string | null>(null);
  const loadAllOn = loadAllFor === signature;
  const loadAll = useQuery({
    ...eventsLoadAllQueryOptions(serverSearch, window, LOAD_ALL_CAP),
    enabled: loadAllOn && window !== undefined,
  });

  const loaded = useMemo(
    () =>
      mergeUnique([
        ...(pages.data?.pages.map((p) => p.events) ?? []),
        ...(loadAllOn && loadAll.data ? [loadAll.data.events] : []),
      ]),
    [pages.data, loadAll.data, loadAllOn],
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
    startLoadAll: () => setLoadAllFor(signature),
    cancelLoadAll: () =>
      void queryClient.cancelQueries(
        { queryKey: eventKeys.loadAll(serverSearch, window, LOAD_ALL_CAP) },
        { revert: false },
      ),
  };
}
