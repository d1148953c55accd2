/**
 * The address of an event search. Every screen that leads to events (charts,
 * detections, trails, investigations, pivots) builds its link here, so a link
 * always reopens exactly the search it names. The events feature parses the
 * same parameters (features/events/filters.ts).
 *
 *   /events?region=cn-hangzhou        region ID or `all`
 *          &range=24h                 a preset (15m 1h 6h 24h 7d 30d 90d, or the calendar's
 *                                     today yesterday this-week last-week in the display zone) …
 *          &from=…Z&to=…Z             … or an absolute UTC range (wins over range)
 *          &rw=Write                  Read | Write (absent: all)
 *          &f=User:li.wei             a condition `Key:Value`, repeatable; the first two
 *                                     the API can combine run on the server, the rest in the browser
 *          &x=EventName:DescribeRegions   an exclusion (always in the browser)
 *          &q=text                    refine: free text over the loaded events (browser)
 *          &event=<eventId>           the open event, as it is …
 *          &event16=<hex>             … or, when the ID is not well-formed UTF-16 (a lone
 *                                     surrogate, which a URL turns into U+FFFD), its UTF-16
 *                                     code units as 4 hex digits each; see `eventIdParam`
 */

import { CALENDAR_PRESETS, type CalendarPreset } from "./calendar-range";

/** Ranges that end now and reach back a fixed span. */
export const RELATIVE_PRESETS = [
  "15m",
  "1h",
  "6h",
  "24h",
  "7d",
  "30d",
  "90d",
] as const;
export type RelativePreset = (typeof RELATIVE_PRESETS)[number];

/** Every preset: the relative ones, then the calendar days and weeks of the display zone. */
export const RANGE_PRESETS = [
  ...RELATIVE_PRESETS,
  ...CALENDAR_PRESETS,
] as const;
export type RangePreset = RelativePreset | CalendarPreset;

/** Condition keys: the twelve LookupAttribute keys, plus fields only the browser can filter on. */
export const BROWSER_ONLY_KEYS = [
  "ErrorCode",
  "Region",
  "IdentityType",
  "UserAgent",
  "Result",
] as const;

export interface SearchCondition {
  key: string;
  value: string;
}

export interface EventSearchLink {
  region?: string;
  range?: RangePreset;
  /** Epoch ms or ISO; either both or neither. */
  from?: number | string;
  to?: number | string;
  rw?: "Read" | "Write";
  filters?: SearchCondition[];
  exclude?: SearchCondition[];
  refine?: string;
  eventId?: string;
}

const iso = (value: number | string): string =>
  typeof value === "number"
    ? new Date(Math.floor(value / 1000) * 1000)
        .toISOString()
        .replace(".000Z", "Z")
    : value;

/** `Key:Value` — the value may itself contain colons; the key never does. */
export const formatCondition = (c: SearchCondition): string =>
  `${c.key}:${c.value}`;

export function parseCondition(text: string): SearchCondition | undefined {
  const at = text.indexOf(":");
  if (at <= 0) return undefined;
  return { key: text.slice(0, at), value: text.slice(at + 1) };
}

export function eventSearchParams(link: EventSearchLink): URLSearchParams {
  const params = new URLSearchParams();
  if (link.region) params.set("region", link.region);
  if (link.from !== undefined && link.to !== undefined) {
    params.set("from", iso(link.from));
    params.set("to", iso(link.to));
  } else if (link.range) {
    params.set("range", link.range);
  }
  if (link.rw) params.set("rw", link.rw);
  for (const c of link.filters ?? []) params.append("f", formatCondition(c));
  for (const c of link.exclude ?? []) params.append("x", formatCondition(c));
  if (link.refine) params.set("q", link.refine);
  if (link.eventId) {
    const [name, value] = eventIdParam(link.eventId);
    params.set(name, value);
  }
  return params;
}

/** A lone surrogate: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text is well-formed UTF-16, i.e. survives a trip through a URL unchanged. */
export const isWellFormedText = (text: string): boolean =>
  !LONE_SURROGATE.test(text);

/** The UTF-16 code units of text, 4 lowercase hex digits each. */
export const toUtf16Hex = (text: string): string => {
  let hex = "";
  for (let i = 0; i < text.length; i++)
    hex += text.charCodeAt(i).toString(16).padStart(4, "0");
  return hex;
};

/** The text whose UTF-16 code units `hex` spells, or undefined when it is not such a spelling. */
export const fromUtf16Hex = (hex: string): string | undefined => {
  if (!hex || hex.length % 4 !== 0 || !/^[0-9a-fA-F]+$/.test(hex))
    return undefined;
  let text = "";
  for (let i = 0; i < hex.length; i += 4)
    text += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return text;
};

/** The URL parameters that may carry the open event's ID. */
export const EVENT_ID_PARAMS = ["event", "event16"] as const;

/**
 * How the open event's ID goes into a URL: readable (`event=`) when it is
 * well-formed, else as UTF-16 code units (`event16=`). A URL is UTF-8, so a
 * lone surrogate would arrive as U+FFFD and name another event.
 */
export function eventIdParam(eventId: string): ["event" | "event16", string] {
  return isWellFormedText(eventId)
    ? ["event", eventId]
    : ["event16", toUtf16Hex(eventId)];
}

/** The open event's ID from URL parameters, exactly as it was written (`event16` wins). */
export function readEventIdParam(params: URLSearchParams): string | undefined {
  const encoded = params.get("event16");
  if (encoded !== null) {
    const decoded = fromUtf16Hex(encoded);
    if (decoded !== undefined) return decoded;
  }
  return params.get("event") ?? undefined;
}

/** `/events?…` for a search. */
export function eventSearchHref(link: EventSearchLink): string {
  const query = eventSearchParams(link).toString();
  return query ? `/events?${query}` : "/events";
}
