import { lazy, Suspense, useCallback, useState } from "react";
import type { SearchCondition } from "@/lib/event-search-url";
import type { CaseSearch } from "@/stores/cases-store";
import { PinSelectionBar, useCasePins } from "./case-pins";
import { eventColumnLabel } from "./columns";
import { columnField } from "./column-fields";
import { EventsGrid, type EventsGridBaseProps } from "./events-grid";
import { rowIdOf } from "./use-events-table-model";
import "./field-stats.css";

// Its charts load when a header's statistics are first asked for, not with the results.
const FieldStatsPopover = lazy(async () => ({
  default: (await import("./field-stats-popover")).FieldStatsPopover,
}));

interface EventsTableProps extends EventsGridBaseProps {
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
      <Suspense fallback={null}>
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
      </Suspense>
    </>
  );
}
