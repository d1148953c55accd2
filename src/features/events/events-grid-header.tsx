import { Trans, useLingui } from "@lingui/react/macro";
import { FlexRender, type Header } from "@tanstack/react-table";
import type { AuditEvent } from "@/api/schemas/event";
import { columnField } from "./column-fields";
import { eventColumnLabel, type eventTableFeatures } from "./columns";

type EventHeader = Header<typeof eventTableFeatures, AuditEvent, unknown>;

interface EventsGridHeaderProps {
  headers: readonly EventHeader[];
  /** As wide as the columns together (and the leading column). */
  width: string;
  onResize: (columnId: string, width: number) => void;
  /** Opens a column's field statistics; without it headers offer none. */
  onFieldStats: ((columnId: string) => void) | undefined;
}

/** The grid's header row: sort buttons, field statistics and resize handles. */
export function EventsGridHeader({
  headers,
  width,
  onResize,
  onFieldStats,
}: EventsGridHeaderProps) {
  const { t } = useLingui();
  return (
    <div role="rowgroup" className="events-grid-head" style={{ width }}>
      <div role="row" aria-rowindex={1} className="events-grid-row">
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
                  <FlexRender header={header} />
                  <span aria-hidden="true">
                    {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
                  </span>
                </button>
              ) : (
                <span className="sort-button">
                  <FlexRender header={header} />
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
                label={columnLabel}
                width={header.getSize()}
                onResize={(w) => onResize(header.id, w)}
              />
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
