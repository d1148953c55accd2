import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { byTime, groupBy, HOUR_MS, hourRuns, timed } from "./types";

const events = [
  makeEvent({ time: at(2, 5, 40) }),
  makeEvent({ time: at(1, 3, 10) }),
  makeEvent({ time: at(1, 3, 50) }),
  makeEvent({ time: at(1, 4, 0) }),
  makeEvent({ time: at(2, 5, 1) }),
];

describe("timed", () => {
  it("sorts events oldest first and drops those without a usable time, into a new list", () => {
    const broken = { ...events[0]!, id: "no-time", timeMs: NaN };
    const sorted = timed([...events, broken]);
    expect(sorted.map((e) => e.timeMs)).toEqual(
      [...events].sort(byTime).map((e) => e.timeMs),
    );
    const again = timed(sorted);
    expect(again).toEqual(sorted);
    expect(again).not.toBe(sorted);
  });
});

describe("hourRuns", () => {
  it("cuts a sorted list into the same hours grouping by hour gives", () => {
    const sorted = timed(events);
    const grouped = [
      ...groupBy(sorted, (e) =>
        String(Math.floor(e.timeMs / HOUR_MS)),
      ).values(),
    ];
    expect(hourRuns(sorted)).toEqual(grouped);
    expect(hourRuns(sorted).map((r) => r.length)).toEqual([2, 1, 2]);
    expect(hourRuns([])).toEqual([]);
  });
});
