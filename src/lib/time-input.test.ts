import { describe, expect, it } from "vitest";
import { toApiTime } from "./time";
import { formatTypedTime, parseTypedTime } from "./time-input";

const api = (ms: number) => (Number.isFinite(ms) ? toApiTime(ms) : "NaN");

describe("typed range times", () => {
  it("reads a time to the second in the display zone", () => {
    expect(api(parseTypedTime("2026-11-27 23:59:59", "beijing", "end"))).toBe(
      "2026-11-27T15:59:59Z",
    );
    expect(api(parseTypedTime("2026-11-27T23:59:59", "utc", "end"))).toBe(
      "2026-11-27T23:59:59Z",
    );
  });

  it("takes a time without seconds at its first second", () => {
    expect(api(parseTypedTime("2026-11-27 08:05", "utc", "start"))).toBe(
      "2026-11-27T08:05:00Z",
    );
    expect(api(parseTypedTime(" 2026-11-27 8:05 ", "utc", "end"))).toBe(
      "2026-11-27T08:05:00Z",
    );
  });

  it("reads a date alone as the whole day: first second to start, last second to end", () => {
    expect(api(parseTypedTime("2026-11-27", "beijing", "start"))).toBe(
      "2026-11-26T16:00:00Z",
    );
    expect(api(parseTypedTime("2026-11-27", "beijing", "end"))).toBe(
      "2026-11-27T15:59:59Z",
    );
    // A 25-hour day in Berlin ends at 23:59:59 UTC+1.
    expect(api(parseTypedTime("2026-10-25", "iana:Europe/Berlin", "end"))).toBe(
      "2026-10-25T22:59:59Z",
    );
  });

  it("accepts slashes, dots and the Chinese date form", () => {
    expect(api(parseTypedTime("2026/11/27 10:00:30", "utc", "start"))).toBe(
      "2026-11-27T10:00:30Z",
    );
    expect(api(parseTypedTime("2026.1.5", "utc", "start"))).toBe(
      "2026-01-05T00:00:00Z",
    );
    expect(
      api(parseTypedTime("2026年11月27日 23:59:59", "beijing", "end")),
    ).toBe("2026-11-27T15:59:59Z");
  });

  it("refuses what is not a time on the calendar", () => {
    for (const text of [
      "",
      "yesterday",
      "27/11/2026",
      "2026-02-30",
      "2026-13-01",
      "2026-11-27 24:00",
      "2026-11-27 23:60",
      "2026-11-27 23:59:60",
      "2026-11-27 23",
    ])
      expect({ text, ms: parseTypedTime(text, "utc", "start") }).toEqual({
        text,
        ms: Number.NaN,
      });
  });

  it("across a daylight-saving change, each time takes its own offset", () => {
    const zone = "iana:America/New_York" as const;
    expect(api(parseTypedTime("2026-03-08 01:59:59", zone, "start"))).toBe(
      "2026-03-08T06:59:59Z",
    );
    expect(api(parseTypedTime("2026-03-08 03:00:00", zone, "end"))).toBe(
      "2026-03-08T07:00:00Z",
    );
  });

  it("shows a URL time back in the fields' form, seconds included", () => {
    expect(formatTypedTime("2026-11-27T15:59:59Z", "beijing")).toBe(
      "2026-11-27 23:59:59",
    );
    expect(formatTypedTime(undefined, "utc")).toBe("");
    expect(formatTypedTime("not a time", "utc")).toBe("");
  });

  it("round-trips: what is shown reads back as the same second", () => {
    const iso = "2026-11-27T15:59:59Z";
    const shown = formatTypedTime(iso, "iana:Europe/Berlin");
    expect(api(parseTypedTime(shown, "iana:Europe/Berlin", "end"))).toBe(iso);
  });
});
