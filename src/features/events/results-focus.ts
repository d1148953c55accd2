/**
 * Focus moves over the results, read from the DOM the events grid renders:
 * its rows carry `data-row-index` and a roving tabindex (the active row has
 * tabindex 0), and the grid keeps its active row in step with focus.
 */

/** The id of the results area, the target of the "Skip to results" link. */
export const RESULTS_ID = "results";

const ROW = '[role="row"][data-row-index]';

function results(): HTMLElement | null {
  return document.getElementById(RESULTS_ID);
}

/** The row that has focus, if focus is on a row of the results. */
export function focusedRow(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return null;
  const row = active.closest<HTMLElement>(ROW);
  return row && results()?.contains(row) ? row : null;
}

/** The active row: the focused one, else the one the grid keeps in the tab order. */
export function activeRow(): HTMLElement | null {
  return (
    focusedRow() ??
    results()?.querySelector<HTMLElement>(`${ROW}[tabindex="0"]`) ??
    results()?.querySelector<HTMLElement>(ROW) ??
    null
  );
}

/** Index of a row in the shown (sorted) events. */
export function rowIndex(row: HTMLElement): number {
  return Number(row.dataset.rowIndex);
}

/**
 * Moves focus one row down or up. From outside the results the first press
 * goes to the active row itself; a row just out of view is rendered (the grid
 * renders a few beyond the visible ones) and scrolls in as it takes focus.
 */
export function moveActiveRow(delta: 1 | -1): void {
  const from = focusedRow();
  if (!from) {
    activeRow()?.focus();
    return;
  }
  const next = results()?.querySelector<HTMLElement>(
    `${ROW}[data-row-index="${rowIndex(from) + delta}"]`,
  );
  if (!next) return;
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

/** The search box: the free-text search over the loaded events. */
export function searchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(
    '[role="search"] input[type="search"]',
  );
}
