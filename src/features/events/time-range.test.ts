import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/time";
import { splitWindow } from "@/api/time-window";
import { resolveWindow, windowProblem } from "./time-range";

const NOW = Date.UTC(2026, 10, 23, 6, 30);

describe("windowProblem", () => {
  it("refuses a start more than 90 days back on the service's own events", () => {
    expect(
      windowProblem({ startMs: NOW - 120 * DAY, endMs: NOW - 100 * DAY }, NOW),
    ).toMatch(/keeps events for 90 days/);
  });

  it("lets an archive (the visitor's own events) be searched years back", () => {
    const window = {
      startMs: Date.UTC(2021, 0, 1),
      endMs: Date.UTC(2021, 7, 6),
    };
    expect(windowProblem(window, NOW, { archive: true })).toBeUndefined();
    // The 30-day span per query still applies: the window is sliced.
    expect(splitWindow(window).length).toBeGreaterThan(7);
  });

  it("still refuses an end before the start and a start in the future for an archive", () => {
    expect(
      windowProblem({ startMs: NOW - DAY, endMs: NOW - 2 * DAY }, NOW, {
        archive: true,
      }),
    ).toMatch(/end time must be after/);
    expect(
      windowProblem({ startMs: NOW + DAY, endMs: NOW + 2 * DAY }, NOW, {
        archive: true,
      }),
    ).toMatch(/in the future/);
  });
});

describe("resolveWindow with a calendar preset", () => {
  it("resolves Yesterday in the display zone at the moment of the search", () => {
    const now = Date.parse("2026-11-25T02:30:15Z");
    expect(resolveWindow({ range: "yesterday" }, now, "beijing")).toEqual({
      startMs: Date.parse("2026-11-23T16:00:00Z"),
      endMs: Date.parse("2026-11-24T15:59:59Z"),
    });
  });

  it("an absolute range still wins over the preset", () => {
    const window = resolveWindow(
      {
        range: "today",
        from: "2026-11-20T00:00:00Z",
        to: "2026-11-20T23:59:59Z",
      },
      Date.parse("2026-11-25T02:30:15Z"),
      "beijing",
    );
    expect(window.endMs).toBe(Date.parse("2026-11-20T23:59:59Z"));
  });
});
