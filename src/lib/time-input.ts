import { addDays, daysInMonth, startOfDay } from "./calendar-range";
import { formatTime, parseZonedTime, type DisplayZone } from "./time";

/**
 * Times typed into the absolute range, read in the display zone:
 * `2026-11-27 23:59:59`, `2026-11-27T23:59`, `2026/11/27`, `2026年11月27日 8:05`.
 * A date alone means the whole day: its first second as a start, its last
 * second as an end. Both ends are inclusive to the second, as the API's
 * StartTime and EndTime are.
 */

const TYPED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|\s*T\s*)(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?$/i;

/** Which end of a range a typed time is. */
export type RangeEnd = "start" | "end";

/**
 * The instant typed text names in a zone, whole seconds; NaN when it is not
 * a date (and time) that exists on the calendar.
 */
export function parseTypedTime(
  text: string,
  zone: DisplayZone,
  end: RangeEnd,
): number {
  const m = TYPED.exec(text.trim());
  if (!m) return Number.NaN;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return Number.NaN;
  const date = { year, month, day };
  if (m[4] === undefined) {
    return end === "start"
      ? startOfDay(date, zone)
      : startOfDay(addDays(date, 1), zone) - 1000;
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const pad = (n: number) => String(n).padStart(2, "0");
  return parseZonedTime(
    `${m[1]}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`,
    zone,
  );
}

/** An instant as the range fields show it: `2026-11-27 23:59:59` in the zone; empty when none. */
export function formatTypedTime(
  iso: string | undefined,
  zone: DisplayZone,
): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatTime(ms, zone) : "";
}
