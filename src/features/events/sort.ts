import type { AuditEvent } from "@/api/schemas/event";

/**
 * The events table's order, kept in the URL as `sort=<column>.<asc|desc>`
 * (the default `time.desc` is stripped). Sorting runs here, once per change
 * of the loaded events, not inside the table: the loaded events arrive
 * already in time order, so the default order costs nothing at 100,000 rows.
 */

export const SORT_COLUMNS = [
  "time",
  "name",
  "user",
  "ip",
  "resource",
  "service",
  "rw",
  "result",
  "region",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface EventSort {
  id: SortColumn;
  desc: boolean;
}

export const DEFAULT_SORT: EventSort = { id: "time", desc: true };

const isSortColumn = (value: string): value is SortColumn =>
  (SORT_COLUMNS as readonly string[]).includes(value);

/** `name.asc` → `{ id: "name", desc: false }`; anything else → the default. */
export function parseSort(text: string | null | undefined): EventSort {
  const match = /^([a-z]+)\.(asc|desc)$/.exec(text ?? "");
  if (!match?.[1] || !isSortColumn(match[1])) return DEFAULT_SORT;
  return { id: match[1], desc: match[2] === "desc" };
}

export const formatSort = (sort: EventSort): string =>
  `${sort.id}.${sort.desc ? "desc" : "asc"}`;

export const isDefaultSort = (sort: EventSort): boolean =>
  sort.id === DEFAULT_SORT.id && sort.desc === DEFAULT_SORT.desc;

/** A column id from the table, if it is one the URL can hold. */
export const toSortColumn = (id: string): SortColumn | undefined =>
  isSortColumn(id) ? id : undefined;

const TEXT: Record<Exclude<SortColumn, "time">, (e: AuditEvent) => string> = {
  name: (e) => e.name,
  user: (e) => e.userName,
  ip: (e) => e.sourceIp,
  resource: (e) => e.resourceName || e.resourceType,
  service: (e) => e.service,
  rw: (e) => e.rw,
  result: (e) => e.errorCode,
  region: (e) => e.region,
};

/**
 * The events in the chosen order. `events` must be newest first (as the
 * search merges them); ties keep that order (the sort is stable), so events
 * with the same user stay newest first.
 */
export function sortEvents(
  events: readonly AuditEvent[],
  sort: EventSort,
): readonly AuditEvent[] {
  if (sort.id === "time") return sort.desc ? events : [...events].reverse();
  const get = TEXT[sort.id];
  const keyed = events.map((e) => ({ e, k: get(e).toLowerCase() }));
  const dir = sort.desc ? -1 : 1;
  keyed.sort((a, b) => (a.k < b.k ? -dir : a.k > b.k ? dir : 0));
  return keyed.map((x) => x.e);
}
