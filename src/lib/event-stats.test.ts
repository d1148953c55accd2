import { describe, expect, it } from "vitest";
import { at, makeEvent } from "./audit-event-factory";
import {
  countValues,
  fieldById,
  formatShare,
  requestParam,
  topValues,
} from "./event-stats";

describe("event stats", () => {
  it("counts values most frequent first, with hostile keys as ordinary keys", () => {
    const events = ["__proto__", "b", "__proto__", "constructor"].map((name) =>
      makeEvent({ time: at(0, 1), name }),
    );
    expect(countValues(events, fieldById("name")!.get)).toEqual([
      { value: "__proto__", count: 2 },
      { value: "b", count: 1 },
      { value: "constructor", count: 1 },
    ]);
    expect(topValues(events, (e) => e.name, 1)).toEqual({
      total: 4,
      distinct: 3,
      top: [{ value: "__proto__", count: 2 }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("says shares as absolute counts", () => {
    expect(formatShare(1, 42)).toBe("1 of 42 (2.4%)");
    expect(formatShare(21, 42)).toBe("21 of 42 (50%)");
    expect(formatShare(0, 0)).toBe("0 of 0 (0%)");
  });

  it("reads request parameters as text", () => {
    const e = makeEvent({
      time: at(0, 1),
      params: { InstanceId: "i-1", Amount: 10, Tags: { a: 1 } },
    });
    expect(requestParam(e, "InstanceId")).toBe("i-1");
    expect(requestParam(e, "Amount")).toBe("10");
    expect(requestParam(e, "Tags")).toBe('{"a":1}');
    expect(requestParam(e, "toString")).toBeUndefined();
  });
});
