import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import {
  createLoadedFilter,
  filterLoaded,
  REFINE_PREVIEW_ROWS,
} from "./conditions";
import { narrowsRefine, refineMatcher } from "./refine-match";

const match = (refine: string, event = makeEvent({ time: at(1, 9) })) =>
  refineMatcher(refine)?.(event);

describe("refine over a loaded event", () => {
  it("finds text in any field value, nested ones included, whatever its case", () => {
    const event = makeEvent({
      time: at(1, 9),
      name: "StopInstance",
      params: { Tags: [{ Key: "Team", Value: "Payments-EU" }] },
    });
    expect(match("stopinst", event)).toBe(true);
    expect(match("PAYMENTS-eu", event)).toBe(true);
    expect(match("  payments  ", event)).toBe(true);
    expect(match("Refunds", event)).toBe(false);
  });

  it("matches numbers and booleans as their text, and not field names", () => {
    const event = makeEvent({
      time: at(1, 9),
      params: { Size: 4096, DryRun: true },
    });
    expect(match("4096", event)).toBe(true);
    expect(match("true", event)).toBe(true);
    expect(match("DryRun", event)).toBe(false);
  });

  it("takes typed characters literally: quotes, brackets, dots and backslashes", () => {
    const event = makeEvent({
      time: at(1, 9),
      params: { Policy: '{"Action":"oss:*"} C:\\temp (copy)' },
    });
    expect(match('"oss:*"', event)).toBe(true);
    expect(match("c:\\temp (", event)).toBe(true);
    expect(match("oss.", event)).toBe(false);
  });

  it("looks in the region an event was read from when the event names none", () => {
    const event = { ...makeEvent({ time: at(1, 9) }), region: "eu-west-1" };
    expect(match("EU-WEST", event)).toBe(true);
  });

  it("has nothing to do for an empty or blank text", () => {
    expect(refineMatcher("   ")).toBeUndefined();
    const events = [makeEvent({ time: at(1, 9) })];
    expect(filterLoaded(events, [], [], " ")).toBe(events);
  });

  it("narrows only when the new text contains the old one", () => {
    expect(narrowsRefine("sto", "stop")).toBe(true);
    expect(narrowsRefine("top", "stop ")).toBe(true);
    expect(narrowsRefine("stop", "sto")).toBe(false);
    expect(narrowsRefine("", "stop")).toBe(false);
  });
});

describe("the refine as the events page runs it", () => {
  const many = (n: number, every: number) =>
    Array.from({ length: n }, (_, i) =>
      makeEvent({
        time: at(1, 9) - i * 1000,
        name: i % every === 0 ? "DeleteBucket" : "DescribeInstances",
      }),
    );

  it("shows the first matches at once and every match once it has looked through the rest", () => {
    const events = many(5000, 2);
    const filter = createLoadedFilter();
    const first = filter.view(events, [], [], "deletebucket");
    expect(first.done).toBe(false);
    // The first matches, in the order shown: the top of the final rows.
    const every = filterLoaded(events, [], [], "deletebucket");
    expect(first.rows.length).toBeGreaterThanOrEqual(REFINE_PREVIEW_ROWS);
    expect(first.rows.length).toBeLessThan(every.length);
    expect(first.rows).toEqual(every.slice(0, first.rows.length));
    while (!filter.work(5)) {
      /* a few milliseconds at a time */
    }
    const all = filter.view(events, [], [], "deletebucket");
    expect(all.done).toBe(true);
    expect(all.rows).toEqual(every);
  });

  it("typing on gives the same rows as refining afresh, whether or not the previous text was finished", () => {
    const events = many(3000, 7);
    const filter = createLoadedFilter();
    filter.view(events, [], [], "d");
    // "d" is not finished (it stopped at its first matches); "de…" goes on from there.
    for (const text of [
      "de",
      "del",
      "delete",
      "deletebucket",
      "deletebuckets",
    ]) {
      let view = filter.view(events, [], [], text);
      while (!view.done) {
        filter.work(5);
        view = filter.view(events, [], [], text);
      }
      expect(view.rows).toEqual(filterLoaded(events, [], [], text));
    }
  });

  it("starts afresh when the text is changed rather than extended, or the conditions change", () => {
    const events = many(600, 3);
    const filter = createLoadedFilter();
    const finish = (
      text: string,
      exclude = [] as { key: string; value: string }[],
    ) => {
      let view = filter.view(events, [], exclude, text);
      while (!view.done) {
        filter.work(5);
        view = filter.view(events, [], exclude, text);
      }
      return view.rows;
    };
    expect(finish("deletebucket")).toHaveLength(200);
    expect(finish("describe")).toHaveLength(400);
    const exclude = [{ key: "EventName", value: "DescribeInstances" }];
    expect(finish("describe", exclude)).toHaveLength(0);
    expect(finish("")).toBe(events);
  });
});
