import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { MAX_LOOKBACK_MS, type TimeWindow } from "@/api/time-window";
import { calendarRange, isCalendarPreset } from "@/lib/calendar-range";
import type { RangePreset, RelativePreset } from "@/lib/event-search-url";
import { DAY, HOUR, MINUTE, toApiTime, type DisplayZone } from "@/lib/time";
import type { EventSearch } from "./filters";
/** Kept off the 90-day edge so a request still qualifies when it reaches the service. */
const LOOKBACK_MARGIN_MS = 5 * MINUTE;

export const PRESET_MS: Record<RelativePreset, number> = {
  "15m": 15 * MINUTE,
  "1h": HOUR,
  "6h": 6 * HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * DAY,
  "30d": 30 * DAY,
  "90d": 90 * DAY,
};

const PRESET_LABELS: Record<RangePreset, MessageDescriptor> = {
  "15m": msg`Last 15 minutes`,
  "1h": msg`Last hour`,
  "6h": msg`Last 6 hours`,
  "24h": msg`Last 24 hours`,
  "7d": msg`Last 7 days`,
  "30d": msg`Last 30 days`,
  "90d": msg`Last 90 days`,
  today: msg`Today`,
  yesterday: msg`Yesterday`,
  "this-week": msg`This week`,
  "last-week": msg`Last week`,
};

/** A preset's name in the reader's language. */
export const presetLabel = (preset: RangePreset): string =>
  i18n._(PRESET_LABELS[preset]);

/**
 * The search's window at `now` (seconds precision, as the API takes it; the
 * end inclusive to its second). Calendar presets (Today, Last week…) are days
 * of `zone`, the zone the reader sees times in.
 */
export function resolveWindow(
  search: Pick<EventSearch, "range" | "from" | "to">,
  now: number,
  zone: DisplayZone = "utc",
): TimeWindow {
  if (search.from !== undefined && search.to !== undefined) {
    return { startMs: Date.parse(search.from), endMs: Date.parse(search.to) };
  }
  if (isCalendarPreset(search.range))
    return calendarRange(search.range, now, zone);
  const endMs = Math.floor(now / 1000) * 1000;
  const span = PRESET_MS[search.range];
  const startMs =
    span >= MAX_LOOKBACK_MS
      ? now - MAX_LOOKBACK_MS + LOOKBACK_MARGIN_MS
      : endMs - span;
  return { startMs: Math.ceil(startMs / 1000) * 1000, endMs };
}

export interface WindowRules {
  /**
   * The account holds an archive (the visitor's own events): the 90-days-back
   * refusal does not apply; the 30-day span per query still does.
   */
  archive?: boolean | undefined;
}

/** Why a window cannot be searched, said as what to change; undefined when it can. */
export function windowProblem(
  window: TimeWindow,
  now: number,
  rules: WindowRules = {},
): string | undefined {
  const { startMs, endMs } = window;
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs))
    return t`The start or end time is not a valid time. Enter both as dates and times.`;
  if (endMs <= startMs) return t`The end time must be after the start time.`;
  if (startMs > now)
    return t`The start time is in the future. Choose a start before now.`;
  if (!rules.archive && startMs < now - MAX_LOOKBACK_MS) {
    const days = Math.ceil((now - startMs) / DAY);
    const earliest = toApiTime(now - MAX_LOOKBACK_MS + DAY);
    const preset = presetLabel("90d");
    return t`ActionTrail keeps events for 90 days: the start is ${days} days back. Choose a start after ${earliest} or a preset up to "${preset}"; older events are in your trail's OSS or SLS delivery.`;
  }
  return undefined;
}
