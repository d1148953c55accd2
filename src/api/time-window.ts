import { DAY } from "@/lib/time";

/** A time window in epoch milliseconds, both ends inclusive to the second. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** LookupEvents: one query spans at most 30 days; StartTime at most 90 days back. */
export const MAX_SPAN_MS = 30 * DAY;
export const MAX_LOOKBACK_MS = 90 * DAY;

/** Splits a window into ≤30-day windows, newest first (the order results are shown in). */
export function splitWindow(
  window: TimeWindow,
  maxSpan = MAX_SPAN_MS,
): TimeWindow[] {
  const slices: TimeWindow[] = [];
  let end = window.endMs;
  while (end > window.startMs) {
    const start = Math.max(window.startMs, end - maxSpan);
    slices.push({ startMs: start, endMs: end });
    end = start;
  }
  return slices;
}

/** Splits a window into `parts` roughly equal windows on whole seconds, newest first. */
export function divideWindow(window: TimeWindow, parts: number): TimeWindow[] {
  const n = Math.max(1, Math.floor(parts));
  const span = window.endMs - window.startMs;
  const step = Math.max(1000, Math.ceil(span / n / 1000) * 1000);
  return splitWindow(window, step);
}
