import { useEffect } from "react";

const FOCUSABLE = [
  "a[href]",
  "button:not([disabled])",
  "input:not([disabled])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "summary",
  '[tabindex]:not([tabindex="-1"])',
].join(", ");

/** Rendered and reachable: not hidden, not inside a closed `<details>`. */
function shown(item: HTMLElement): boolean {
  return typeof item.checkVisibility === "function"
    ? item.checkVisibility({ visibilityProperty: true })
    : item.getClientRects().length > 0;
}

/**
 * Keeps Tab inside an open dialog or sheet (found by `selector`): a modal
 * `<dialog>` makes the page inert, but Tab from its last control still leaves
 * for the browser's own toolbar; the phone sheet covers a header that would
 * otherwise take focus behind it.
 */
export function useTabTrap(open: boolean, selector: string) {
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Tab") return;
      const dialog = document.querySelector(selector);
      if (!dialog) return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        shown,
      );
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      const inside = dialog.contains(document.activeElement);
      if (event.shiftKey && (!inside || document.activeElement === first)) {
        event.preventDefault();
        last.focus();
      } else if (
        !event.shiftKey &&
        (!inside || document.activeElement === last)
      ) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, selector]);
}
