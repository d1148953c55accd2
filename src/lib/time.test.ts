import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  formatTime,
  parseZonedTime,
  formatTimeRange,
  zoneLabel,
  zoneOffsetMinutes,
} from "./time";

// Node reads TZ afresh when it changes, so each test can put the "browser" in
// a zone of its own.
const originalTz = process.env.TZ;
const setBrowserZone = (zone: string) => {
  process.env.TZ = zone;
};

describe("time zones an auditor can trust", () => {
  beforeEach(() => setBrowserZone("America/New_York"));
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  const noonUtc = Date.UTC(2026, 10, 21, 12, 0, 5);

  it("shows Beijing time (UTC+8) whatever the browser's own zone", () => {
    for (const zone of ["America/New_York", "Europe/London", "Asia/Kolkata"]) {
      setBrowserZone(zone);
      expect(formatTime(noonUtc, "beijing", true)).toBe(
        "2026-11-21 20:00:05 UTC+08:00",
      );
    }
  });

  it("shows UTC as ActionTrail stores it, and the browser's zone with its offset", () => {
    expect(formatTime(noonUtc, "utc", true)).toBe("2026-11-21 12:00:05 UTC");
    expect(formatTime(noonUtc, "local", true)).toBe(
      "2026-11-21 07:00:05 UTC-05:00",
    );
    setBrowserZone("Asia/Kolkata");
    expect(formatTime(noonUtc, "local", true)).toBe(
      "2026-11-21 17:30:05 UTC+05:30",
    );
  });

  it("labels each end of a range across a daylight-saving change with its own offset", () => {
    // New York moved from UTC-05:00 to UTC-04:00 at 02:00 local on 8 March 2026.
    const before = Date.UTC(2026, 2, 8, 6, 30); // 01:30 EST
    const after = Date.UTC(2026, 2, 8, 7, 30); // 03:30 EDT
    expect(formatTimeRange(before, after, "local")).toBe(
      "2026-03-08 01:30:00 UTC-05:00 – 2026-03-08 03:30:00 UTC-04:00",
    );
    expect(zoneLabel("local", before)).toBe("UTC-05:00");
    expect(zoneLabel("local", after)).toBe("UTC-04:00");
    // Beijing time keeps one offset across the same instants.
    expect(formatTimeRange(before, after, "beijing")).toBe(
      "2026-03-08 14:30:00 UTC+08:00 – 2026-03-08 15:30:00 UTC+08:00",
    );
  });

  it("computes offsets per instant for every choice", () => {
    const summer = Date.UTC(2026, 6, 1);
    expect(zoneOffsetMinutes("beijing", summer)).toBe(480);
    expect(zoneOffsetMinutes("utc", summer)).toBe(0);
    expect(zoneOffsetMinutes("local", summer)).toBe(-240);
  });

  it("reads a typed wall-clock time in the chosen zone, the inverse of formatting", () => {
    expect(parseZonedTime("2026-11-21T20:00", "beijing")).toBe(
      Date.UTC(2026, 10, 21, 12, 0),
    );
    expect(parseZonedTime("2026-11-21T20:00", "utc")).toBe(
      Date.UTC(2026, 10, 21, 20, 0),
    );
    expect(parseZonedTime("2026-03-08T03:30", "local")).toBe(
      Date.UTC(2026, 2, 8, 7, 30),
    );
    expect(parseZonedTime("yesterday", "beijing")).toBeNaN();
  });

  it("says so when a time is not a time", () => {
    expect(formatTime(Number.NaN, "beijing")).toBe("invalid time");
  });
});
