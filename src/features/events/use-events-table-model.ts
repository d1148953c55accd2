import {
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { usePrefsStore, type TablePrefs } from "@/stores/prefs-store";
import {
  EVENT_COLUMN_IDS,
  eventColumns,
  eventTableFeatures,
  fieldColumn,
} from "./columns";
import { fieldPathOf, isFieldColumn } from "./field-paths";
import { DEFAULT_SORT, toSortColumn, type EventSort } from "./sort";

/** The events table's key in the remembered table preferences. */
export const EVENTS_TABLE_ID = "events";
const EMPTY_PREFS: TablePrefs = { order: [], hidden: [], widths: {} };

/** A row's id in the table and in the selection: events are unique per region. */
export const rowIdOf = (e: AuditEvent) => `${e.region}/${e.id}`;

const resolve = <T>(updater: Updater<T>, old: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(old) : updater;

interface EventsTableModelOptions {
  /** The drawn rows only (see EventsGrid), already in the order of `sort`. */
  drawn: readonly AuditEvent[];
  sort: EventSort;
  onSortChange: (sort: EventSort) => void;
}

/**
 * The table over the drawn events: columns shown, ordered and sized as
 * remembered in prefs (changes go back to prefs), sorting as the page's.
 */
export function useEventsTableModel({
  drawn,
  sort,
  onSortChange,
}: EventsTableModelOptions) {
  const prefs = usePrefsStore((s) => s.tables[EVENTS_TABLE_ID]) ?? EMPTY_PREFS;
  const setTablePrefs = usePrefsStore((s) => s.setTablePrefs);
  const sorting = useMemo<SortingState>(
    () => [{ id: sort.id, desc: sort.desc }],
    [sort.id, sort.desc],
  );
  const columnOrder = useMemo<ColumnOrderState>(
    () => (prefs.order.length ? prefs.order : [...EVENT_COLUMN_IDS]),
    [prefs.order],
  );
  // Added fields are the `field:` ids in the remembered order.
  const fieldKey = JSON.stringify(columnOrder.filter(isFieldColumn));
  const columns = useMemo(
    () => [
      ...eventColumns,
      ...(JSON.parse(fieldKey) as string[]).map((id) =>
        fieldColumn(fieldPathOf(id)),
      ),
    ],
    [fieldKey],
  );
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(prefs.hidden.map((id) => [id, false])),
    [prefs.hidden],
  );
  const columnSizing = prefs.widths as ColumnSizingState;

  return useTable({
    features: eventTableFeatures,
    columns,
    data: drawn,
    getRowId: rowIdOf,
    state: { sorting, columnOrder, columnVisibility, columnSizing },
    // The page sorts (once per change, from the URL's order); the table only shows.
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (u: Updater<SortingState>) => {
      const first = resolve(u, sorting)[0];
      const id = first ? toSortColumn(first.id) : undefined;
      onSortChange(id && first ? { id, desc: first.desc } : DEFAULT_SORT);
    },
    onColumnOrderChange: (u: Updater<ColumnOrderState>) =>
      setTablePrefs(EVENTS_TABLE_ID, { order: resolve(u, columnOrder) }),
    onColumnVisibilityChange: (u: Updater<ColumnVisibilityState>) =>
      setTablePrefs(EVENTS_TABLE_ID, {
        hidden: Object.entries(resolve(u, columnVisibility))
          .filter(([, v]) => !v)
          .map(([k]) => k),
      }),
    onColumnSizingChange: (u: Updater<ColumnSizingState>) =>
      setTablePrefs(EVENTS_TABLE_ID, { widths: resolve(u, columnSizing) }),
  });
}
