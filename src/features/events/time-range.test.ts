import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/time";
import { splitWindow } from "@/api/time-window";
import { windowProblem } from "./time-range";

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
