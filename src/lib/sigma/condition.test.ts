import { describe, expect, it } from "vitest";
import { ConditionError, parseCondition } from "./condition";

const SELS = ["selection", "sel_a", "sel_b", "filter", "_helper"];

describe("parseCondition", () => {
  it("binds not tighter than and, and tighter than or", () => {
    expect(parseCondition("selection or sel_a and not filter", SELS)).toEqual({
      kind: "or",
      items: [
        { kind: "sel", name: "selection" },
        {
          kind: "and",
          items: [
            { kind: "sel", name: "sel_a" },
            { kind: "not", item: { kind: "sel", name: "filter" } },
          ],
        },
      ],
    });
  });

  it("honours parentheses", () => {
    expect(parseCondition("(selection or sel_a) and filter", SELS)).toEqual({
      kind: "and",
      items: [
        {
          kind: "or",
          items: [
            { kind: "sel", name: "selection" },
            { kind: "sel", name: "sel_a" },
          ],
        },
        { kind: "sel", name: "filter" },
      ],
    });
  });

  it("expands 1 of / all of patterns and them (leaving out _ names)", () => {
    expect(parseCondition("1 of sel_*", SELS)).toEqual({
      kind: "of",
      all: false,
      names: ["sel_a", "sel_b"],
    });
    expect(parseCondition("all of them", SELS)).toEqual({
      kind: "of",
      all: true,
      names: ["selection", "sel_a", "sel_b", "filter"],
    });
    expect(parseCondition("1 of them", ["x"])).toEqual({
      kind: "of",
      all: false,
      names: ["x"],
    });
  });

  it.each([
    ["selection | count() > 5", /aggregations/],
    ["selection and near filter", /`near` \(event correlation\)/],
    ["2 of sel_*", /`2 of` is not supported/],
    ["1 of nothing_*", /names no selection/],
    ["unknown", /not a selection/],
    ["(selection", /not closed/],
    ["selection and", /ends too early/],
    ["selection filter", /unexpected `filter`/],
    ["and selection", /unexpected `and`/],
    ["1 of", /needs a name pattern/],
  ])("refuses %s", (text, reason) => {
    expect(() => parseCondition(text, SELS)).toThrow(ConditionError);
    expect(() => parseCondition(text, SELS)).toThrow(reason);
  });
});
