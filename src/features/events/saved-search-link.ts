import { useEffect } from "react";
import { useSearchParams } from "react-router";
import type { TimeWindow } from "@/api/time-window";
import { eventSearchHref, type EventSearchLink } from "@/lib/event-search-url";
import { toApiTime } from "@/lib/time";
import { usePrefsStore, type TablePrefs } from "@/stores/prefs-store";
import type { SavedSearch } from "@/stores/saved-searches-store";
import { EVENT_COLUMN_IDS } from "./columns";
import { EVENTS_TABLE_ID } from "./use-events-table-model";
import type { EventSearch } from "./filters";
import { formatSort, isDefaultSort } from "./sort";

/**
 * A saved search and its link. The link is an ordinary event search link
 * (region, range, conditions, order) plus the columns shown as repeated
 * `col=` parameters: whoever opens it sees the same table, and the columns
 * become their own column choice, as when they pick them by hand.
 */

/** The `col=` parameter: one column ID, in the order shown. */
export const COLUMN_PARAM = "col";

/** The columns the events table shows, in order, from the column preferences. */
export function visibleColumns(prefs: TablePrefs | undefined): string[] {
  const saved = prefs?.order.length ? prefs.order : [...EVENT_COLUMN_IDS];
  const order = [
    ...saved,
    ...EVENT_COLUMN_IDS.filter((id) => !saved.includes(id)),
  ];
  const hidden = new Set(prefs?.hidden ?? []);
  return order.filter((id) => !hidden.has(id));
}

/** The column preferences that show exactly `columns`, in that order. */
export function prefsShowing(
  columns: readonly string[],
): Pick<TablePrefs, "order" | "hidden"> {
  const rest = EVENT_COLUMN_IDS.filter((id) => !columns.includes(id));
  return { order: [...columns, ...rest], hidden: rest };
}

/** The link that opens a saved search (absolute path, query included). */
export function savedSearchHref(saved: SavedSearch): string {
  const link: EventSearchLink = {
    region: saved.region,
    ...(saved.range.kind === "frozen"
      ? { from: saved.range.from, to: saved.range.to }
      : { range: saved.range.preset }),
    ...(saved.rw ? { rw: saved.rw } : {}),
    filters: saved.filters,
    exclude: saved.exclude,
    refine: saved.refine,
  };
  const href = eventSearchHref(link);
  const extra = new URLSearchParams();
  if (saved.sort) extra.set("sort", saved.sort);
  for (const id of saved.columns ?? []) extra.append(COLUMN_PARAM, id);
  const more = extra.toString();
  if (!more) return href;
  return `${href}${href.includes("?") ? "&" : "?"}${more}`;
}

interface SaveInput {
  name: string;
  note: string;
  search: EventSearch;
  region: string;
  /** Keep "last 7 days" relative, or freeze the window that was read. */
  frozen: boolean;
  window: TimeWindow | undefined;
  columns: string[];
  now: number;
}

/** The current search as a saved search. A search already on absolute times stays on them. */
export function toSavedSearch(input: SaveInput): SavedSearch {
  const { search, window } = input;
  const range: SavedSearch["range"] =
    search.from !== undefined && search.to !== undefined
      ? { kind: "frozen", from: search.from, to: search.to }
      : input.frozen && window
        ? {
            kind: "frozen",
            from: toApiTime(window.startMs),
            to: toApiTime(window.endMs),
          }
        : { kind: "relative", preset: search.range };
  return {
    name: input.name.trim(),
    note: input.note,
    region: input.region,
    range,
    ...(search.rw ? { rw: search.rw } : {}),
    filters: search.filters,
    exclude: search.exclude,
    refine: search.refine,
    ...(isDefaultSort(search.sort) ? {} : { sort: formatSort(search.sort) }),
    columns: input.columns,
    savedAt: new Date(input.now).toISOString(),
  };
}

/**
 * Applies the columns a saved search's link names (`col=`) to the column
 * preferences, then takes them out of the address so the URL stays the
 * search's own.
 */
export function useLinkedColumns(): void {
  const [params, setParams] = useSearchParams();
  const setTablePrefs = usePrefsStore((s) => s.setTablePrefs);
  const all = params.getAll(COLUMN_PARAM);
  const linked = all.length ? JSON.stringify(all) : "";
  useEffect(() => {
    if (!linked) return;
    const columns = [...new Set(JSON.parse(linked) as string[])]
      .filter((id) => id.length > 0 && id.length <= 300)
      .slice(0, 200);
    if (columns.length) setTablePrefs(EVENTS_TABLE_ID, prefsShowing(columns));
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete(COLUMN_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [linked, setParams, setTablePrefs]);
}
