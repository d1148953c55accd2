import { Trans, useLingui } from "@lingui/react/macro";
import {
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { AuditEvent } from "@/api/schemas/event";
import type { SearchCondition } from "@/lib/event-search-url";
import { useFormat } from "@/components/i18n/use-format";
import type { CaseSearch } from "@/stores/cases-store";
import { usePrefsStore, type TablePrefs } from "@/stores/prefs-store";
import {
  PinSelectionBar,
  PinToggle,
  useCasePins,
  type CasePins,
} from "./case-pins";
import {
  EVENT_COLUMN_IDS,
  eventColumnLabel,
  eventColumns,
  eventTableFeatures,
  fieldColumn,
} from "./columns";
import { columnField } from "./column-fields";
import { fieldPathOf, isFieldColumn } from "./field-paths";
import { FieldStatsPopover } from "./field-stats-popover";
import { EventRowDetail } from "./event-row-detail";
import { DEFAULT_SORT, toSortColumn, type EventSort } from "./sort";
import "./field-stats.css";

export const EVENTS_TABLE_ID = "events";
const EMPTY_PREFS: TablePrefs = { order: [], hidden: [], widths: {} };
/** Collapsed row heights in CSS pixels, per density (as --row-h in styles.css). */
const ROW_HEIGHTS = { comfortable: 34, compact: 26 } as const;
const FALLBACK_RECT = { width: 1200, height: 720 };
/** The leading column: summary, selection and pin buttons. */
const LEAD = "4rem";

const rowIdOf = (e: AuditEvent) => `${e.region}/${e.id}`;

const resolve = <T,>(updater: Updater<T>, old: T): T =>
  typeof updater === "function" ? (updater as (old: T) => T)(old) : updater;

interface EventsTableProps {
  /** The loaded events, already in the order of `sort` (see sort.ts). */
  events: readonly AuditEvent[];
  sort: EventSort;
  onSortChange: (sort: EventSort) => void;
  openEventId: string | undefined;
  onOpen: (event: AuditEvent) => void;
  label: string;
  /** Where pinned events say they were found; without it rows cannot be pinned. */
  caseSearch?: CaseSearch | undefined;
  /** A column's field statistics asked to keep or drop a value; without it headers offer no statistics. */
  onFieldFilter?: (condition: SearchCondition, how: "only" | "without") => void;
}

/** The grid with, above it, the selection's "Pin N selected to case" bar. */
export function EventsTable({
  caseSearch,
  onFieldFilter,
  ...props
}: EventsTableProps) {
  const [statsColumn, setStatsColumn] = useState<string>();
  const statsField = statsColumn ? columnField(statsColumn) : undefined;
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const pins = useCasePins(caseSearch);
  const selectedEvents = selected.size
    ? props.events.filter((e) => selected.has(rowIdOf(e)))
    : [];
  const toggleSelected = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return (
    <>
      <PinSelectionBar
        selected={selectedEvents}
        pins={pins}
        onClear={() => setSelected(new Set())}
      />
      <EventsGrid
        {...props}
        selected={selected}
        onToggleSelected={toggleSelected}
        pins={pins}
        onFieldStats={onFieldFilter ? setStatsColumn : undefined}
      />
      {statsColumn && statsField && onFieldFilter && (
        <FieldStatsPopover
          label={eventColumnLabel(statsColumn)}
          field={statsField}
          events={props.events}
          onClose={() => setStatsColumn(undefined)}
          onFilter={(condition, how) => {
            setStatsColumn(undefined);
            onFieldFilter(condition, how);
          }}
        />
      )}
    </>
  );
}

interface EventsGridProps extends Omit<
  EventsTableProps,
  "caseSearch" | "onFieldFilter"
> {
  selected: ReadonlySet<string>;
  onFieldStats: ((columnId: string) => void) | undefined;
  onToggleSelected: (rowId: string) => void;
  pins: CasePins;
}

/**
 * The loaded events: a virtualized grid (only visible rows are in the DOM),
 * sorted in the browser, columns chosen/ordered/sized as remembered in prefs.
 * Keyboard: arrows move the active row, Enter opens the event, Space or the
 * row's button shows the inline summary.
 */
function EventsGrid({
  events,
  sort,
  onSortChange,
  openEventId,
  onOpen,
  label,
  selected,
  onToggleSelected,
  pins,
  onFieldStats,
}: EventsGridProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const prefs = usePrefsStore((s) => s.tables[EVENTS_TABLE_ID]) ?? EMPTY_PREFS;
  const setTablePrefs = usePrefsStore((s) => s.setTablePrefs);
  const rowHeight = ROW_HEIGHTS[usePrefsStore((s) => s.density)];
  const sorting = useMemo<SortingState>(
    () => [{ id: sort.id, desc: sort.desc }],
    [sort.id, sort.desc],
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

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

  const rowCount = events.length;
  const activeIndex = Math.min(active, Math.max(0, rowCount - 1));

  // The event ID, not a string built per row: the virtualizer asks for every
  // row's key whenever it re-measures (one read's IDs are unique).
  const getItemKey = useCallback(
    (index: number) => events[index]?.id ?? index,
    [events],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    // Exactly a collapsed row's height: measuring a row that matches its
    // estimate changes nothing, so only expanded rows cost a re-layout.
    estimateSize: () => rowHeight,
    // Stable between renders: a new function makes the virtualizer re-measure every row (O(n) per scroll).
    getItemKey,
    // Four rows either side: enough for wheel steps; each extra row is layout
    // work on every jump (8 gave 74 long tasks over the bench's scroll of
    // 100,000 rows, 4 gives 23).
    overscan: 4,
    // Before layout (or where there is none, as in jsdom) assume a screenful of rows.
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : FALLBACK_RECT),
      ),
  });

  // The table gets only the rows drawn: it builds a row object (with its
  // caches) per datum, and for 100,000 loaded events those took ~50 MB.
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const end = (items.at(-1)?.index ?? -1) + 1;
  const drawn = useMemo(() => events.slice(first, end), [events, first, end]);
  const table = useTable({
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

  const rows = table.getRowModel().rows;

  // A density change changes every collapsed row's height.
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // Keep the active row in view and focused after keyboard moves. A row
  // already rendered takes focus before the next key press is handled (a
  // layout effect runs before the browser handles further input); one the
  // virtualizer has yet to render gets it on the next frame, and key presses
  // that land meanwhile count from it (pendingFocus), so none is lost.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    const rowAt = () =>
      scrollRef.current?.querySelector<HTMLElement>(
        `[data-row-index="${activeIndex}"]`,
      );
    virtualizer.scrollToIndex(activeIndex, { align: "auto" });
    const now = rowAt();
    if (now) {
      pendingFocus.current = null;
      now.focus();
      return;
    }
    const target = activeIndex;
    pendingFocus.current = target;
    requestAnimationFrame(() => {
      // A later move has taken over.
      if (pendingFocus.current !== target) return;
      pendingFocus.current = null;
      rowAt()?.focus({ preventScroll: true });
    });
  }, [activeIndex, virtualizer]);

  const move = useCallback(
    (to: number) => {
      focusPending.current = true;
      setActive(Math.max(0, Math.min(rowCount - 1, to)));
    },
    [rowCount],
  );

  const toggleExpanded = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const handleKeyDown = (
    event: React.KeyboardEvent,
    index: number,
    e: AuditEvent,
  ) => {
    if (event.target !== event.currentTarget) return;
    // A key pressed before the last move's row took focus counts from that row.
    const from = pendingFocus.current ?? index;
    const page = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1,
    );
    switch (event.key) {
      case "ArrowDown":
        move(from + 1);
        break;
      case "ArrowUp":
        move(from - 1);
        break;
      case "PageDown":
        move(from + page);
        break;
      case "PageUp":
        move(from - page);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(rowCount - 1);
        break;
      case "Enter":
        onOpen(e);
        break;
      case " ":
      case "ArrowRight":
      case "ArrowLeft":
        if (
          event.key === " " ||
          (event.key === "ArrowRight") !== expanded.has(e.id)
        )
          toggleExpanded(e.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const template = headers.map((h) => `${h.getSize()}px`).join(" ");
  const gridStyle = { gridTemplateColumns: `${LEAD} ${template}` };
  // The summary, selection and pin column, plus every column's width.
  const rowWidth = `calc(${LEAD} + ${headers.reduce((w, h) => w + h.getSize(), 0)}px)`;

  return (
    <div
      ref={scrollRef}
      className="events-grid-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={headers.length + 1}
    >
      <div
        role="rowgroup"
        className="events-grid-head"
        style={{ width: rowWidth }}
      >
        <div
          role="row"
          aria-rowindex={1}
          className="events-grid-row"
          style={gridStyle}
        >
          <div role="columnheader" className="events-grid-cell">
            <span className="visually-hidden">
              <Trans>Details</Trans>
            </span>
          </div>
          {headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const columnLabel = eventColumnLabel(header.id);
            return (
              <div
                key={header.id}
                role="columnheader"
                className="events-grid-cell"
                aria-sort={
                  sorted === "asc"
                    ? "ascending"
                    : sorted === "desc"
                      ? "descending"
                      : "none"
                }
              >
                {header.column.getCanSort() ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={header.column.getToggleSortingHandler()}
                    title={t`Sort the loaded events`}
                  >
                    <table.FlexRender header={header} />
                    <span aria-hidden="true">
                      {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                    </span>
                  </button>
                ) : (
                  <span className="sort-button">
                    <table.FlexRender header={header} />
                  </span>
                )}
                {onFieldStats && columnField(header.id) && (
                  <button
                    type="button"
                    className="field-stats-button"
                    aria-haspopup="dialog"
                    aria-label={t`Field statistics: ${columnLabel}`}
                    title={t`Field statistics of the shown events`}
                    onClick={() => onFieldStats(header.id)}
                  >
                    <span aria-hidden="true" className="field-stats-icon" />
                  </button>
                )}
                <ResizeHandle
                  label={eventColumnLabel(header.id)}
                  width={header.getSize()}
                  onResize={(w) =>
                    table.setColumnSizing((old) => ({
                      ...old,
                      [header.id]: w,
                    }))
                  }
                />
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        className="events-grid-body"
        style={{ height: virtualizer.getTotalSize(), width: rowWidth }}
      >
        {items.map((item) => {
          const row = rows[item.index - first];
          if (!row) return null;
          const e = row.original;
          const isExpanded = expanded.has(e.id);
          const isOpen = e.id === openEventId;
          const isActive = item.index === activeIndex;
          const name = e.name;
          const time = timeWithZone(e.timeMs);
          return (
            <div
              key={row.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="events-grid-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isOpen}
                data-row-index={item.index}
                tabIndex={isActive ? 0 : -1}
                className={`events-grid-row${isOpen ? " is-open" : ""}${isExpanded ? " is-expanded" : ""}${e.errorCode ? " has-error" : ""}`}
                style={
                  isExpanded ? gridStyle : { ...gridStyle, height: rowHeight }
                }
                onKeyDown={(event) => handleKeyDown(event, item.index, e)}
                onFocus={() => setActive(item.index)}
                onDoubleClick={() => onOpen(e)}
              >
                <div
                  role="gridcell"
                  className="events-grid-cell events-grid-actions"
                >
                  <button
                    type="button"
                    className="icon-button expand-button"
                    tabIndex={-1}
                    aria-expanded={isExpanded}
                    aria-label={isExpanded ? t`Hide summary` : t`Show summary`}
                    onClick={() => toggleExpanded(e.id)}
                  >
                    {isExpanded ? "▾" : "▸"}
                  </button>
                  <input
                    type="checkbox"
                    tabIndex={isActive ? 0 : -1}
                    checked={selected.has(row.id)}
                    onChange={() => onToggleSelected(row.id)}
                    aria-label={t`Select ${name} at ${time}`}
                  />
                  <PinToggle
                    event={e}
                    pins={pins}
                    tabIndex={isActive ? 0 : -1}
                  />
                </div>
                {row.getVisibleCells().map((cell) => (
                  <div
                    role="gridcell"
                    key={cell.id}
                    className="events-grid-cell"
                  >
                    {cell.column.id === "name" ? (
                      <button
                        type="button"
                        tabIndex={-1}
                        className="link-button open-event"
                        onClick={() => onOpen(e)}
                      >
                        <table.FlexRender cell={cell} />
                      </button>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </div>
                ))}
                {isExpanded && (
                  <div role="gridcell" className="events-grid-detail">
                    <EventRowDetail event={e} />
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** A column's width: drag the edge, or focus it and use the arrow keys. */
function ResizeHandle({
  label,
  width,
  onResize,
}: {
  label: string;
  width: number;
  onResize: (w: number) => void;
}) {
  const { t } = useLingui();
  const clamp = (w: number) => Math.max(60, Math.min(800, Math.round(w)));
  return (
    <button
      type="button"
      aria-label={t`Width of ${label}: ${width} pixels; arrow keys change it`}
      className="resize-handle"
      onKeyDown={(event) => {
        if (event.key === "ArrowRight") onResize(clamp(width + 20));
        else if (event.key === "ArrowLeft") onResize(clamp(width - 20));
        else return;
        event.preventDefault();
      }}
      onPointerDown={(event) => {
        const startX = event.clientX;
        const target = event.currentTarget;
        target.setPointerCapture(event.pointerId);
        const onMove = (m: PointerEvent) =>
          onResize(clamp(width + m.clientX - startX));
        const onUp = () => {
          target.removeEventListener("pointermove", onMove);
          target.removeEventListener("pointerup", onUp);
        };
        target.addEventListener("pointermove", onMove);
        target.addEventListener("pointerup", onUp);
      }}
    />
  );
}
