import type { AuditEvent } from "@/api/schemas/event";
import { activeRow, moveActiveRow, rowIndex, searchBox } from "./results-focus";
import { useEventShortcuts } from "./use-event-shortcuts";

/**
 * The events page's shortcuts over its results: `/` the search box (Escape
 * back to the rows), `j` / `k` the rows, `o` or Enter the active row's event,
 * `?` the help.
 */
export function useEventsPageShortcuts({
  events,
  open,
  showHelp,
}: {
  /** The shown events, in the grid's order. */
  events: readonly AuditEvent[];
  open: (event: AuditEvent) => void;
  showHelp: () => void;
}): void {
  useEventShortcuts(
    {
      focusSearch: () => {
        const box = searchBox();
        box?.focus();
        box?.select();
      },
      move: moveActiveRow,
      openActive: () => {
        const row = activeRow();
        const event = row ? events[rowIndex(row)] : undefined;
        if (!row || !event) return;
        // Focus first, so closing the pane returns here.
        row.focus();
        open(event);
      },
      showHelp,
      leaveSearch: () => activeRow()?.focus(),
    },
    searchBox,
  );
}
