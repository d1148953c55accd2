import type { Virtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from "react";
import type { AuditEvent } from "@/api/schemas/event";

interface GridKeyboardOptions {
  rowCount: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  onOpen: (event: AuditEvent) => void;
  isExpanded: (id: string) => boolean;
  toggleExpanded: (id: string) => void;
}

/**
 * The events grid's roving focus: which row is active (in the tab order),
 * and the keys that move it, open the event or show its summary.
 *
 * A row already rendered takes focus before the next key press is handled (a
 * layout effect runs before the browser handles further input); one the
 * virtualizer has yet to render gets it on the next frame, and key presses
 * that land meanwhile count from it (pendingFocus), so none is lost.
 */
export function useGridKeyboard({
  rowCount,
  rowHeight,
  scrollRef,
  virtualizer,
  onOpen,
  isExpanded,
  toggleExpanded,
}: GridKeyboardOptions) {
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, rowCount - 1));
  const focusPending = useRef(false);
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
  }, [activeIndex, virtualizer, scrollRef]);

  const move = useCallback(
    (to: number) => {
      focusPending.current = true;
      setActive(Math.max(0, Math.min(rowCount - 1, to)));
    },
    [rowCount],
  );

  const onRowKeyDown = (event: KeyboardEvent, index: number, e: AuditEvent) => {
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
          (event.key === "ArrowRight") !== isExpanded(e.id)
        )
          toggleExpanded(e.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return { activeIndex, setActive, onRowKeyDown };
}
