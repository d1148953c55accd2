import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  formatTime,
  parseZonedTime,
  formatTimeRange,
  sameZone,
  toIsoInZone,
  toIsoUtc,
  zoneFileTag,
  zoneFromParam,
  zoneLabel,
  zoneOffsetMinutes,
  zoneToParam,
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

  it("shows a time that is not a time as a dash, in every language", () => {
    expect(formatTime(Number.NaN, "beijing")).toBe("—");
  });
});

describe("a shared link's time zone", () => {
  beforeEach(() => setBrowserZone("Europe/Berlin"));
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("names the zone in the link: UTC, Beijing time, or the sender's browser zone by its IANA name", () => {
    expect(zoneToParam("utc")).toBe("UTC");
    expect(zoneToParam("beijing")).toBe("Asia/Shanghai");
    expect(zoneToParam("local")).toBe("browser:Europe/Berlin");
    expect(zoneToParam("iana:America/New_York")).toBe(
      "browser:America/New_York",
    );
  });

  it("reads it back: the sender's browser zone is the receiver's browser time only when both are in it", () => {
    expect(zoneFromParam("UTC")).toBe("utc");
    expect(zoneFromParam("Asia/Shanghai")).toBe("beijing");
    expect(zoneFromParam("browser:Europe/Berlin")).toBe("local");
    expect(zoneFromParam("browser:America/New_York")).toBe(
      "iana:America/New_York",
    );
    for (const bad of [
      "",
      null,
      "Mars/Olympus",
      "browser:Mars/Olympus",
      "browser:<script>",
      "browser:../../etc",
    ])
      expect(zoneFromParam(bad)).toBeUndefined();
  });

  it("tells apart zones that differ, and not those that are the same", () => {
    expect(sameZone("local", "iana:Europe/Berlin")).toBe(true);
    expect(sameZone("utc", "beijing")).toBe(false);
    expect(sameZone("local", "iana:America/New_York")).toBe(false);
  });

  it("shows the sender's zone in the receiver's browser, each end of a range across its DST change with its own offset", () => {
    // New York: 01:30 EST and 03:30 EDT on 8 March 2026; the receiver is in Berlin.
    const before = Date.UTC(2026, 2, 8, 6, 30);
    const after = Date.UTC(2026, 2, 8, 7, 30);
    expect(formatTimeRange(before, after, "iana:America/New_York")).toBe(
      "2026-03-08 01:30:00 UTC-05:00 – 2026-03-08 03:30:00 UTC-04:00",
    );
    // Berlin's own change, 29 March 2026 at 02:00 local (01:00 UTC).
    expect(
      formatTimeRange(
        Date.UTC(2026, 2, 29, 0, 30),
        Date.UTC(2026, 2, 29, 1, 30),
        "local",
      ),
    ).toBe("2026-03-29 01:30:00 UTC+01:00 – 2026-03-29 03:30:00 UTC+02:00");
    expect(parseZonedTime("2026-03-08T03:30", "iana:America/New_York")).toBe(
      after,
    );
  });
});

describe("times in exports", () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("writes UTC with Z for machines, and the chosen zone with each instant's own offset", () => {
    const winter = Date.UTC(2026, 0, 15, 12, 0, 5);
    const summer = Date.UTC(2026, 6, 15, 12, 0, 5);
    expect(toIsoUtc(winter)).toBe("2026-01-15T12:00:05Z");
    expect(toIsoInZone(winter, "beijing")).toBe("2026-01-15T20:00:05+08:00");
    expect(toIsoInZone(winter, "utc")).toBe("2026-01-15T12:00:05+00:00");
    expect(toIsoInZone(winter, "iana:Europe/Berlin")).toBe(
      "2026-01-15T13:00:05+01:00",
    );
    expect(toIsoInZone(summer, "iana:Europe/Berlin")).toBe(
      "2026-07-15T14:00:05+02:00",
    );
    setBrowserZone("America/New_York");
    expect(toIsoInZone(summer, "local")).toBe("2026-07-15T08:00:05-04:00");
  });

  it("tags file names with the zone, filesystem-safe", () => {
    const at = Date.UTC(2026, 10, 23, 3, 0);
    expect(zoneFileTag("utc", at)).toBe("UTC");
    expect(zoneFileTag("beijing", at)).toBe("UTC+0800");
    expect(zoneFileTag("iana:America/New_York", at)).toBe("UTC-0500");
    expect(zoneFileTag("iana:Asia/Kolkata", at)).toMatch(/^[\w+-]+$/);
  });
});
