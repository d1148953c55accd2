import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { usePrefsStore } from "@/stores/prefs-store";
import type { CasePins } from "./case-pins";
import { EventsGridHeader } from "./events-grid-header";
import { EventsGridRow, type RowActions } from "./events-grid-row";
import type { EventSort } from "./sort";
import { useEventsTableModel } from "./use-events-table-model";
import { useGridKeyboard } from "./use-grid-keyboard";

/** Collapsed row heights in CSS pixels, per density (as --row-h in styles.css). */
const ROW_HEIGHTS = { comfortable: 34, compact: 26 } as const;
const FALLBACK_RECT = { width: 1200, height: 720 };
/** The leading column: summary, selection and pin buttons. */
const LEAD = "4rem";

/** What the events table passes through to its grid. */
export interface EventsGridBaseProps {
  /** The loaded events, already in the order of `sort` (see sort.ts). */
  events: readonly AuditEvent[];
  sort: EventSort;
  onSortChange: (sort: EventSort) => void;
  openEventId: string | undefined;
  onOpen: (event: AuditEvent) => void;
  label: string;
}

interface EventsGridProps extends EventsGridBaseProps {
  selected: ReadonlySet<string>;
  onFieldStats: ((columnId: string) => void) | undefined;
  onToggleSelected: (rowId: string) => void;
  pins: CasePins;
}

/**
 * The loaded events: a virtualized grid (only visible rows are in the DOM),
 * sorted in the browser, columns chosen/ordered/sized as remembered in prefs.
 * Keyboard (use-grid-keyboard.ts): arrows move the active row, Enter opens
 * the event, Space or the row's button shows the inline summary.
 */
export function EventsGrid({
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
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = ROW_HEIGHTS[usePrefsStore((s) => s.density)];

  const rowCount = events.length;

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
  const table = useEventsTableModel({ drawn, sort, onSortChange });
  const rows = table.getRowModel().rows;

  // A density change changes every collapsed row's height.
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  const toggleExpanded = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );

  const { activeIndex, setActive, onRowKeyDown } = useGridKeyboard({
    rowCount,
    rowHeight,
    scrollRef,
    virtualizer,
    onOpen,
    isExpanded: (id) => expanded.has(id),
    toggleExpanded,
  });

  // Rows are memoized (events-grid-row.tsx): they get one actions object for
  // the grid's life, which calls the latest handlers, and pins that change
  // only when the pinned events or the active case do.
  const latest = useRef({
    onRowKeyDown,
    onOpen,
    onToggleSelected,
    pins,
    rowHeight,
  });
  useLayoutEffect(() => {
    latest.current = {
      onRowKeyDown,
      onOpen,
      onToggleSelected,
      pins,
      rowHeight,
    };
  });
  const actions = useMemo<RowActions>(
    () => ({
      keyDown: (event, index, e) =>
        latest.current.onRowKeyDown(event, index, e),
      focus: (index) => setActive(index),
      open: (e) => latest.current.onOpen(e),
      toggleExpanded,
      toggleSelected: (rowId) => latest.current.onToggleSelected(rowId),
      collapsed: (index) =>
        virtualizer.resizeItem(index, latest.current.rowHeight),
    }),
    [setActive, toggleExpanded, virtualizer],
  );
  const { isPinned, canPin } = pins;
  const rowPins = useMemo<CasePins>(
    () => ({
      ...latest.current.pins,
      isPinned,
      canPin,
      toggle: (e) => latest.current.pins.toggle(e),
      pinEvents: (es) => latest.current.pins.pinEvents(es),
    }),
    [isPinned, canPin],
  );

  // Each of `slots` consecutive rows has its own slot (index modulo slots).
  const slots = Math.max(1, items.length);

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const template = headers.map((h) => `${h.getSize()}px`).join(" ");
  // Every row's columns, set once on the grid (rows read the variable).
  const gridStyle = {
    "--events-grid-columns": `${LEAD} ${template}`,
  } as CSSProperties;
  // The summary, selection and pin column, plus every column's width.
  const rowWidth = `calc(${LEAD} + ${headers.reduce((w, h) => w + h.getSize(), 0)}px)`;
  const columnsKey = `${headers.map((h) => h.id).join(",")} ${template}`;

  return (
    <div
      ref={scrollRef}
      className="events-grid-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={headers.length + 1}
      style={gridStyle}
    >
      <EventsGridHeader
        headers={headers}
        width={rowWidth}
        onFieldStats={onFieldStats}
        onResize={(id, w) =>
          table.setColumnSizing((old) => ({ ...old, [id]: w }))
        }
      />
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
          return (
            <EventsGridRow
              // Keyed by its place among the drawn rows, so scrolling hands a
              // leaving row's elements to an arriving one (new text, no new
              // elements, no new styles to compute). Expanding keeps the key,
              // and so the focus.
              key={`slot:${item.index % slots}`}
              row={row}
              index={item.index}
              start={item.start}
              rowHeight={rowHeight}
              columnsKey={columnsKey}
              isExpanded={isExpanded}
              isOpen={e.id === openEventId}
              isActive={item.index === activeIndex}
              isSelected={selected.has(row.id)}
              pins={rowPins}
              actions={actions}
              measureElement={
                isExpanded ? virtualizer.measureElement : undefined
              }
            />
          );
        })}
      </div>
    </div>
  );
}
