import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  calendarRange,
  isCalendarPreset,
  startOfDay,
  type CalendarPreset,
} from "./calendar-range";
import { toApiTime, type DisplayZone } from "./time";

/** A window as the API would be asked for it. */
const asked = (preset: CalendarPreset, now: string, zone: DisplayZone) => {
  const w = calendarRange(preset, Date.parse(now), zone);
  return [toApiTime(w.startMs), toApiTime(w.endMs)];
};

describe("calendar presets", () => {
  // Wednesday 2026-11-25, 10:30:15.4 in Beijing (UTC+8, no daylight saving).
  const beijingWednesday = "2026-11-25T02:30:15.400Z";

  it("Today runs from the zone's midnight to now, to the second", () => {
    expect(asked("today", beijingWednesday, "beijing")).toEqual([
      "2026-11-24T16:00:00Z",
      "2026-11-25T02:30:15Z",
    ]);
  });

  it("Yesterday is the whole previous day, its last second included", () => {
    expect(asked("yesterday", beijingWednesday, "beijing")).toEqual([
      "2026-11-23T16:00:00Z",
      "2026-11-24T15:59:59Z",
    ]);
  });

  it("This week starts on Monday and ends now; Last week is Monday to Sunday", () => {
    expect(asked("this-week", beijingWednesday, "beijing")).toEqual([
      "2026-11-22T16:00:00Z",
      "2026-11-25T02:30:15Z",
    ]);
    expect(asked("last-week", beijingWednesday, "beijing")).toEqual([
      "2026-11-15T16:00:00Z",
      "2026-11-22T15:59:59Z",
    ]);
  });

  it("uses the days of the chosen zone, not UTC's", () => {
    // Monday 17:00 UTC is already Tuesday 01:00 in Beijing.
    const now = "2026-11-23T17:00:00Z";
    expect(asked("today", now, "beijing")[0]).toBe("2026-11-23T16:00:00Z");
    expect(asked("today", now, "utc")[0]).toBe("2026-11-23T00:00:00Z");
    expect(asked("yesterday", now, "beijing")).toEqual([
      "2026-11-22T16:00:00Z",
      "2026-11-23T15:59:59Z",
    ]);
    expect(asked("yesterday", now, "utc")).toEqual([
      "2026-11-22T00:00:00Z",
      "2026-11-22T23:59:59Z",
    ]);
  });

  it("on a Sunday, This week began six days ago", () => {
    expect(asked("this-week", "2026-11-29T12:00:00Z", "utc")[0]).toBe(
      "2026-11-23T00:00:00Z",
    );
    // On a Monday it began at midnight.
    expect(asked("this-week", "2026-11-23T12:00:00Z", "utc")[0]).toBe(
      "2026-11-23T00:00:00Z",
    );
  });

  it("crosses the year at New Year (a Friday)", () => {
    const now = "2027-01-01T00:30:00Z";
    expect(asked("yesterday", now, "utc")).toEqual([
      "2026-12-31T00:00:00Z",
      "2026-12-31T23:59:59Z",
    ]);
    expect(asked("this-week", now, "utc")[0]).toBe("2026-12-28T00:00:00Z");
    expect(asked("last-week", now, "utc")).toEqual([
      "2026-12-21T00:00:00Z",
      "2026-12-27T23:59:59Z",
    ]);
    // 00:30 in Beijing on New Year's Day is still 2026 in UTC.
    expect(asked("today", "2026-12-31T16:30:00Z", "beijing")[0]).toBe(
      "2026-12-31T16:00:00Z",
    );
  });

  it("on the 1st of a month, Yesterday is the last day of the month before", () => {
    expect(asked("yesterday", "2026-03-01T08:00:00Z", "utc")).toEqual([
      "2026-02-28T00:00:00Z",
      "2026-02-28T23:59:59Z",
    ]);
    expect(asked("yesterday", "2028-03-01T08:00:00Z", "utc")[0]).toBe(
      "2028-02-29T00:00:00Z",
    );
  });

  it("a day that gains an hour (Berlin, summer time ends) lasts 25 hours", () => {
    // Monday 2026-10-26 09:00 CET; Sunday 25th went from UTC+2 to UTC+1.
    const now = "2026-10-26T08:00:00Z";
    const zone: DisplayZone = "iana:Europe/Berlin";
    expect(asked("yesterday", now, zone)).toEqual([
      "2026-10-24T22:00:00Z",
      "2026-10-25T22:59:59Z",
    ]);
    expect(asked("this-week", now, zone)[0]).toBe("2026-10-25T23:00:00Z");
    expect(asked("last-week", now, zone)).toEqual([
      "2026-10-18T22:00:00Z",
      "2026-10-25T22:59:59Z",
    ]);
  });

  it("a day that loses an hour (New York, daylight time begins) lasts 23 hours", () => {
    // Monday 2026-03-09 09:00 EDT; Sunday 8th went from UTC-5 to UTC-4.
    const w = calendarRange(
      "yesterday",
      Date.parse("2026-03-09T13:00:00Z"),
      "iana:America/New_York",
    );
    expect([toApiTime(w.startMs), toApiTime(w.endMs)]).toEqual([
      "2026-03-08T05:00:00Z",
      "2026-03-09T03:59:59Z",
    ]);
    expect(w.endMs + 1000 - w.startMs).toBe(23 * 3_600_000);
  });

  it("where daylight saving skips midnight, the day starts after the gap", () => {
    // Santiago de Chile went from 00:00 UTC-4 straight to 01:00 UTC-3 on 2026-09-06.
    expect(
      asked("yesterday", "2026-09-07T12:00:00Z", "iana:America/Santiago"),
    ).toEqual(["2026-09-06T04:00:00Z", "2026-09-07T02:59:59Z"]);
  });

  it("in the first second of a day, Today still ends after it starts", () => {
    const w = calendarRange("today", Date.parse("2026-11-25T00:00:00Z"), "utc");
    expect(w.endMs - w.startMs).toBe(1000);
  });

  describe("in the browser's own zone", () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalTz;
    });

    it("follows the browser's daylight-saving rules", () => {
      process.env.TZ = "Europe/Berlin";
      expect(asked("yesterday", "2026-10-26T08:00:00Z", "local")).toEqual([
        "2026-10-24T22:00:00Z",
        "2026-10-25T22:59:59Z",
      ]);
    });
  });

  it("names the presets the URL may carry", () => {
    expect(isCalendarPreset("yesterday")).toBe(true);
    expect(isCalendarPreset("24h")).toBe(false);
  });

  it("adds days across months and years", () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(
      toApiTime(startOfDay({ year: 2026, month: 11, day: 1 }, "beijing")),
    ).toBe("2026-10-31T16:00:00Z");
  });
});
