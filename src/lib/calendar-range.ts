import { parseZonedTime, wallClock, type DisplayZone } from "./time";

/**
 * Calendar ranges of the event search (`range=today` …): days and weeks of
 * the zone the reader has chosen, weeks starting on Monday. They resolve at
 * the moment a search runs, so "Today" always ends now.
 */
export const CALENDAR_PRESETS = [
  "today",
  "yesterday",
  "this-week",
  "last-week",
] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

export const isCalendarPreset = (value: unknown): value is CalendarPreset =>
  (CALENDAR_PRESETS as readonly unknown[]).includes(value);

/** A day of the calendar, without a zone. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Both ends inclusive to the second (the API's EndTime is). */
export interface CalendarWindow {
  startMs: number;
  endMs: number;
}

const SECOND = 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The date `days` days after `date` (negative: before), across months and years. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const at = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
  };
}

/** The days of a month (1-12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 0 for Monday … 6 for Sunday. */
const weekday = (date: CivilDate): number =>
  (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;

/** The date an instant falls on in a zone. */
export function dateIn(ms: number, zone: DisplayZone): CivilDate {
  const { year, month, day } = wallClock(ms, zone);
  return { year, month, day };
}

const sameDate = (a: CivilDate, b: CivilDate) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/**
 * The first instant of a day in a zone: its midnight, or, where a
 * daylight-saving change skips midnight (America/Santiago, for one), the
 * first instant after the gap.
 */
export function startOfDay(date: CivilDate, zone: DisplayZone): number {
  const text = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T00:00:00`;
  const ms = parseZonedTime(text, zone);
  const at = wallClock(ms, zone);
  if (sameDate(at, date)) return ms;
  // Fell on the evening before: move on to the next wall-clock midnight.
  const left = 24 * 3600 - (at.hour * 3600 + at.minute * 60 + at.second);
  return ms + left * SECOND;
}

/**
 * A calendar preset's window at `now` in a zone: Today and This week end
 * now (to the second); Yesterday and Last week end at the last second before
 * the next day or week begins.
 */
export function calendarRange(
  preset: CalendarPreset,
  now: number,
  zone: DisplayZone,
): CalendarWindow {
  const nowSecond = Math.floor(now / SECOND) * SECOND;
  const today = dateIn(now, zone);
  const monday = addDays(today, -weekday(today));
  const dayStart = (date: CivilDate) => startOfDay(date, zone);
  // Within the first second of a day "now" is its start: the API needs an end after the start.
  const untilNow = (startMs: number) => ({
    startMs,
    endMs: Math.max(nowSecond, startMs + SECOND),
  });
  switch (preset) {
    case "today":
      return untilNow(dayStart(today));
    case "yesterday":
      return {
        startMs: dayStart(addDays(today, -1)),
        endMs: dayStart(today) - SECOND,
      };
    case "this-week":
      return untilNow(dayStart(monday));
    case "last-week":
      return {
        startMs: dayStart(addDays(monday, -7)),
        endMs: dayStart(monday) - SECOND,
      };
  }
}
