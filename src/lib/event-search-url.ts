/**
 * The address of an event search. Every screen that leads to events (charts,
 * detections, trails, investigations, pivots) builds its link here, so a link
 * always reopens exactly the search it names. The events feature parses the
 * same parameters (features/events/filters.ts).
 *
 *   /events?region=cn-hangzhou        region ID or `all`
 *          &range=24h                 a preset (15m 1h 6h 24h 7d 30d 90d) …
 *          &from=…Z&to=…Z             … or an absolute UTC range (wins over range)
 *          &rw=Write                  Read | Write (absent: all)
 *          &f=User:li.wei             a condition `Key:Value`, repeatable; the first two
 *                                     the API can combine run on the server, the rest in the browser
 *          &x=EventName:DescribeRegions   an exclusion (always in the browser)
 *          &q=text                    refine: free text over the loaded events (browser)
 *          &event=<eventId>           the open event
 */

export const RANGE_PRESETS = [
  "15m",
  "1h",
  "6h",
  "24h",
  "7d",
  "30d",
  "90d",
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

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
  if (link.eventId) params.set("event", link.eventId);
  return params;
}

/** `/events?…` for a search. */
export function eventSearchHref(link: EventSearchLink): string {
  const query = eventSearchParams(link).toString();
  return query ? `/events?${query}` : "/events";
}
