import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { z } from "zod";
import {
  eventSearchParams,
  parseCondition,
  RANGE_PRESETS,
  readEventIdParam,
  EVENT_ID_PARAMS,
  type EventSearchLink,
  type RangePreset,
  type SearchCondition,
} from "@/lib/event-search-url";
import {
  DEFAULT_SORT,
  formatSort,
  isDefaultSort,
  parseSort,
  type EventSort,
} from "./sort";

/**
 * The event search as the URL holds it (the format of lib/event-search-url.ts):
 * time range, read/write, conditions, exclusions, refine text and the open
 * event. Parsed with zod; anything malformed falls back to the default, and
 * defaults are stripped when the URL is written back.
 */

export const DEFAULT_RANGE: RangePreset = "7d";

export interface EventSearch {
  range: RangePreset;
  /** Absolute UTC range (ISO); wins over `range` when both are set. */
  from?: string | undefined;
  to?: string | undefined;
  rw?: "Read" | "Write" | undefined;
  filters: SearchCondition[];
  exclude: SearchCondition[];
  refine: string;
  eventId?: string | undefined;
  /** The table's order (`sort=user.asc`); newest first by default. */
  sort: EventSort;
}

const isoTime = z
  .string()
  .refine((value) => Number.isFinite(Date.parse(value)), "not a time");

const conditionList = z
  .array(z.string())
  .transform((items) =>
    items
      .map(parseCondition)
      .filter((c): c is SearchCondition => c !== undefined && c.value !== ""),
  );

const searchSchema = z.object({
  range: z.enum(RANGE_PRESETS).catch(DEFAULT_RANGE),
  from: isoTime.optional().catch(undefined),
  to: isoTime.optional().catch(undefined),
  rw: z.enum(["Read", "Write"]).optional().catch(undefined),
  f: conditionList.catch([]),
  x: conditionList.catch([]),
  q: z.string().max(2000).catch(""),
  event: z.string().min(1).max(200).optional().catch(undefined),
  sort: z
    .string()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((text) => parseSort(text)),
});

/** Reads the search from URL parameters (unknown parameters are ignored). */
export function parseEventSearch(params: URLSearchParams): EventSearch {
  const parsed = searchSchema.parse({
    range: params.get("range") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    rw: params.get("rw") ?? undefined,
    f: params.getAll("f"),
    x: params.getAll("x"),
    q: params.get("q") ?? "",
    event: readEventIdParam(params),
    sort: params.get("sort") ?? undefined,
  });
  const absolute = parsed.from !== undefined && parsed.to !== undefined;
  return {
    range: parsed.range,
    from: absolute ? parsed.from : undefined,
    to: absolute ? parsed.to : undefined,
    rw: parsed.rw,
    filters: parsed.f,
    exclude: parsed.x,
    refine: parsed.q,
    eventId: parsed.event,
    sort: parsed.sort,
  };
}

/** The link form of a search (defaults stripped), for `eventSearchHref`. */
export function toSearchLink(
  search: EventSearch,
  region: string | undefined,
): EventSearchLink {
  const absolute = search.from !== undefined && search.to !== undefined;
  return {
    ...(region ? { region } : {}),
    ...(absolute
      ? { from: search.from, to: search.to }
      : search.range !== DEFAULT_RANGE
        ? { range: search.range }
        : {}),
    ...(search.rw ? { rw: search.rw } : {}),
    ...(search.filters.length ? { filters: search.filters } : {}),
    ...(search.exclude.length ? { exclude: search.exclude } : {}),
    ...(search.refine ? { refine: search.refine } : {}),
    ...(search.eventId ? { eventId: search.eventId } : {}),
  };
}

const OWN_PARAMS = new Set([
  "region",
  "range",
  "from",
  "to",
  "rw",
  "f",
  "x",
  "q",
  ...EVENT_ID_PARAMS,
  "sort",
]);

/** Writes a search into URL parameters, keeping parameters that are not the search's (e.g. mock settings). */
export function writeEventSearch(
  prev: URLSearchParams,
  search: EventSearch,
): URLSearchParams {
  const region = prev.get("region") ?? undefined;
  const next = eventSearchParams(toSearchLink(search, region));
  if (!isDefaultSort(search.sort)) next.set("sort", formatSort(search.sort));
  for (const [key, value] of prev)
    if (!OWN_PARAMS.has(key)) next.append(key, value);
  return next;
}

/** An event search link (`eventSearchHref`) with the table's order added when it is not the default. */
export function withSort(href: string, sort: EventSort = DEFAULT_SORT): string {
  if (isDefaultSort(sort)) return href;
  return `${href}${href.includes("?") ? "&" : "?"}sort=${formatSort(sort)}`;
}

/** A link with the view's time zone (`tz=UTC`, `tz=browser:Europe/Berlin`), so its receiver sees the same times. */
export function withZone(href: string, zoneParam: string): string {
  return `${href}${href.includes("?") ? "&" : "?"}tz=${encodeURIComponent(zoneParam)}`;
}

/** A stable text of the server-relevant part of a search (for keys and "did it change"). */
export const searchSignature = (search: EventSearch): string =>
  JSON.stringify([
    search.range,
    search.from,
    search.to,
    search.rw,
    search.filters,
  ]);

/** The search in the URL, and a setter that pushes history (so back/forward keep every filter). */
export function useEventSearch(): {
  search: EventSearch;
  setSearch: (
    update: Partial<EventSearch>,
    options?: { replace?: boolean },
  ) => void;
} {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const search = useMemo(
    () => parseEventSearch(new URLSearchParams(key)),
    [key],
  );
  const setSearch = useCallback(
    (update: Partial<EventSearch>, options?: { replace?: boolean }) => {
      setParams(
        (prev) =>
          writeEventSearch(prev, { ...parseEventSearch(prev), ...update }),
        { replace: options?.replace ?? false },
      );
    },
    [setParams],
  );
  return { search, setSearch };
}
