import { useEffect, useRef } from "react";

/** What the events page's single-key shortcuts do (see ShortcutsHelp). */
export interface EventShortcutActions {
  /** `/`: the search box. */
  focusSearch: () => void;
  /** `j` / `k`: the next / previous row of the results. */
  move: (delta: 1 | -1) => void;
  /** `o`, or Enter where no control takes it: open the active row's event. */
  openActive: () => void;
  /** `?`: the list of shortcuts. */
  showHelp: () => void;
  /** Escape in the search box: back to the results. */
  leaveSearch: () => void;
}

/** Fields where a key types text (or picks an option): shortcuts stay out of them. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.closest('[contenteditable=""], [contenteditable="true"]') !== null
  );
}

/** Which shortcut a key press is, or undefined when it is not one here. */
export function shortcutFor(
  event: Pick<
    KeyboardEvent,
    "key" | "ctrlKey" | "metaKey" | "altKey" | "target" | "defaultPrevented"
  >,
):
  | Exclude<keyof EventShortcutActions, "move" | "leaveSearch">
  | "move-down"
  | "move-up"
  | undefined {
  if (event.defaultPrevented) return undefined;
  // Shift stays allowed: `?` (and `/` on some layouts) need it.
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  switch (event.key) {
    case "/":
      return "focusSearch";
    case "j":
      return "move-down";
    case "k":
      return "move-up";
    case "o":
      return "openActive";
    case "Enter": {
      // Enter belongs to buttons, links and the rows themselves; only on
      // the page's background or the results area does it open the row.
      const target = event.target;
      const free =
        target === document.body ||
        (target instanceof HTMLElement &&
          (target.id === "results" || target.id === "main"));
      return free ? "openActive" : undefined;
    }
    case "?":
      return "showHelp";
    default:
      return undefined;
  }
}

/**
 * Listens for the events page's shortcuts on the whole document. A modal
 * dialog (the help itself, or any other) switches them off while it is open.
 */
export function useEventShortcuts(
  actions: EventShortcutActions,
  searchBox: () => HTMLElement | null,
): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector("dialog[open]")) return;
      const act = latest.current;
      if (
        event.key === "Escape" &&
        event.target !== null &&
        event.target === searchBox()
      ) {
        // Also keeps the browser from clearing the box.
        event.preventDefault();
        act.leaveSearch();
        return;
      }
      const shortcut = shortcutFor(event);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut === "move-down") act.move(1);
      else if (shortcut === "move-up") act.move(-1);
      else act[shortcut]();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [searchBox]);
}
