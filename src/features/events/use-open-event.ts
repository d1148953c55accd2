import { useCallback, useEffect, useMemo, useRef } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import type { EventSearch } from "./filters";
import { activeRow } from "./results-focus";

/**
 * Opening and closing the View event pane: the open event is the URL's
 * `eventId`. Opening remembers where focus was (a row, a link), and closing
 * hands it back once the pane is gone and the results are reachable again (a
 * popped-out pane or a phone sheet makes them inert); Previous and Next
 * follow the shown order.
 */
export function useOpenEvent(
  sorted: readonly AuditEvent[],
  openId: string | undefined,
  setSearch: (
    update: Partial<EventSearch>,
    options?: { replace?: boolean },
  ) => void,
) {
  const returnFocus = useRef<HTMLElement | null>(null);
  const openById = useCallback(
    (id: string) => {
      if (
        document.activeElement instanceof HTMLElement &&
        !document.activeElement.closest(".event-pane")
      )
        returnFocus.current = document.activeElement;
      setSearch({ eventId: id });
    },
    [setSearch],
  );
  const open = useCallback((e: AuditEvent) => openById(e.id), [openById]);

  const focusBack = useRef<{ target: HTMLElement | null }>(undefined);
  const close = useCallback(() => {
    focusBack.current = { target: returnFocus.current };
    setSearch({ eventId: undefined });
  }, [setSearch]);
  useEffect(() => {
    const back = focusBack.current;
    if (openId || !back) return;
    focusBack.current = undefined;
    if (back.target?.isConnected) back.target.focus();
    else activeRow()?.focus();
  }, [openId]);

  const position = useMemo(
    () => (openId ? sorted.findIndex((e) => e.id === openId) : -1),
    [sorted, openId],
  );
  const prevId = position > 0 ? sorted[position - 1]?.id : undefined;
  const nextId =
    position >= 0 && position < sorted.length - 1
      ? sorted[position + 1]?.id
      : undefined;
  const step = (id: string | undefined) =>
    id ? () => setSearch({ eventId: id }, { replace: true }) : undefined;

  return {
    open,
    openById,
    close,
    onPrevious: step(prevId),
    onNext: step(nextId),
  };
}
