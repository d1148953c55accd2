import { useLingui } from "@lingui/react/macro";
import { FlexRender, type Row } from "@tanstack/react-table";
import { memo, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { PinToggle, type CasePins } from "./case-pins";
import type { eventTableFeatures } from "./columns";
import { EventRowDetail } from "./event-row-detail";

/** What a row asks of the grid; one object for the grid's life (see EventsGrid). */
export interface RowActions {
  keyDown: (event: KeyboardEvent, index: number, e: AuditEvent) => void;
  focus: (index: number) => void;
  open: (e: AuditEvent) => void;
  toggleExpanded: (id: string) => void;
  toggleSelected: (rowId: string) => void;
  /** A collapsed row is its density's height, whatever it measured expanded. */
  collapsed: (index: number) => void;
}

interface EventsGridRowProps {
  row: Row<typeof eventTableFeatures, AuditEvent>;
  index: number;
  /** Offset from the top of the body, in CSS pixels. */
  start: number;
  rowHeight: number;
  /** The shown columns, their order and widths: a change redraws the row. */
  columnsKey: string;
  isExpanded: boolean;
  isOpen: boolean;
  isActive: boolean;
  isSelected: boolean;
  pins: CasePins;
  actions: RowActions;
  /** Expanded rows only: collapsed ones are exactly `rowHeight` tall. */
  measureElement: ((node: Element | null) => void) | undefined;
}

/**
 * Redraws only when what it shows changes: scrolling adds and removes rows,
 * and the rows that stay are not rendered again. The table's row object is
 * rebuilt for every new slice of drawn events, so it is compared by the
 * event it holds.
 */
function sameRow(a: EventsGridRowProps, b: EventsGridRowProps): boolean {
  return (
    a.row.original === b.row.original &&
    a.row.id === b.row.id &&
    a.index === b.index &&
    a.start === b.start &&
    a.rowHeight === b.rowHeight &&
    a.columnsKey === b.columnsKey &&
    a.isExpanded === b.isExpanded &&
    a.isOpen === b.isOpen &&
    a.isActive === b.isActive &&
    a.isSelected === b.isSelected &&
    a.pins === b.pins &&
    a.actions === b.actions &&
    a.measureElement === b.measureElement
  );
}

/** One event of the grid: summary, selection and pin controls, then its cells. */
export const EventsGridRow = memo(function EventsGridRow({
  row,
  index,
  start,
  rowHeight,
  isExpanded,
  isOpen,
  isActive,
  isSelected,
  pins,
  actions,
  measureElement,
}: EventsGridRowProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const e = row.original;
  const name = e.name;
  const time = timeWithZone(e.timeMs);
  const own = useRef<HTMLDivElement>(null);
  // These elements now show another event (scrolling recycles rows): focus
  // must not stay on them, as it would not on a row scrolled away.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && own.current?.contains(focused))
      focused.blur();
  }, [e]);
  useLayoutEffect(() => {
    if (!isExpanded) actions.collapsed(index);
  }, [isExpanded, index, actions]);
  return (
    <div
      data-index={index}
      ref={(node) => {
        own.current = node;
        measureElement?.(node);
      }}
      className={`events-grid-item${isExpanded ? "" : " is-collapsed"}`}
      // Placed by `top`, not a transform: rows never move once drawn, and a
      // transform per row is one more compositing node for every frame.
      style={isExpanded ? { top: start } : { top: start, height: rowHeight }}
    >
      <div
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isOpen}
        data-row-index={index}
        tabIndex={isActive ? 0 : -1}
        className={`events-grid-row${isOpen ? " is-open" : ""}${isExpanded ? " is-expanded" : ""}${e.errorCode ? " has-error" : ""}`}
        style={isExpanded ? undefined : { height: rowHeight }}
        onKeyDown={(event) => actions.keyDown(event, index, e)}
        onFocus={() => actions.focus(index)}
        onDoubleClick={() => actions.open(e)}
      >
        <div role="gridcell" className="events-grid-cell events-grid-actions">
          <button
            type="button"
            className="icon-button expand-button"
            tabIndex={-1}
            aria-expanded={isExpanded}
            aria-label={isExpanded ? t`Hide summary` : t`Show summary`}
            onClick={() => actions.toggleExpanded(e.id)}
          >
            {isExpanded ? "▾" : "▸"}
          </button>
          <input
            type="checkbox"
            tabIndex={isActive ? 0 : -1}
            checked={isSelected}
            onChange={() => actions.toggleSelected(row.id)}
            aria-label={t`Select ${name} at ${time}`}
          />
          <PinToggle event={e} pins={pins} tabIndex={isActive ? 0 : -1} />
        </div>
        {row.getVisibleCells().map((cell) => (
          <div
            role="gridcell"
            key={cell.column.id}
            className="events-grid-cell"
          >
            {cell.column.id === "name" ? (
              <button
                type="button"
                tabIndex={-1}
                className="link-button open-event"
                onClick={() => actions.open(e)}
              >
                <FlexRender cell={cell} />
              </button>
            ) : (
              <FlexRender cell={cell} />
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
}, sameRow);
