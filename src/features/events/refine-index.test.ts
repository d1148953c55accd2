import { describe, expect, it } from "vitest";
import type { AuditEvent } from "@/api/schemas/event";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { createLoadedFilter, filterLoaded } from "./conditions";
import {
  blockBits,
  BLOCK_BYTES,
  createRefineIndex,
  REFINE_BLOCK,
  refineGrams,
} from "./refine-index";

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Letters that fold in unusual ways under a case-insensitive expression
// (ſ, K-sign, ß, Turkish dotted/dotless i, final sigma, Greek, wide Latin),
// Chinese, emoji (surrogate pairs), a lone surrogate, controls, bidi
// overrides, quotes and expression syntax.
const ALPHABET = [
  ..."abcdeABCDE0129.-_:/ ",
  ..."ſKßẞİıσςΣΩωＡａ",
  ..."删除实例杭州华东",
  "😀",
  "\ud800",
  "\u0000",
  "\u202e",
  "\u200b",
  ..."\"'\\()[]*+?$^|{}",
];

function text(next: () => number, max = 12): string {
  let out = "";
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++)
    out += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  return out;
}

function hostileEvents(seed: number, count: number): AuditEvent[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const event = makeEvent({
      time: at(1, 9) - i * 1000,
      name: text(next) || "DescribeInstances",
      user: text(next),
      params: {
        A: text(next, 30),
        Nested: { List: [text(next), next() * 1000, next() < 0.5] },
        Deep: [[[{ X: text(next) }]]],
      },
    });
    return { ...event, region: text(next, 6) };
  });
}

/** Runs the page's refine to the end: every match, index or not. */
function finish(
  filter: ReturnType<typeof createLoadedFilter>,
  events: readonly AuditEvent[],
  refine: string,
): AuditEvent[] {
  let view = filter.view(events, [], [], refine);
  while (!view.done) {
    filter.work(50);
    view = filter.view(events, [], [], refine);
  }
  return view.rows;
}

/** Texts to look for: pieces of the events' values with their case changed, and random ones. */
function needles(seed: number, events: readonly AuditEvent[]): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < 60; i++) {
    const event = events[Math.floor(next() * events.length)]!;
    const source = [
      event.name,
      event.userName,
      event.region,
      JSON.stringify(event.raw.requestParameters),
    ][Math.floor(next() * 4)]!;
    const from = Math.floor(next() * source.length);
    const piece = source.slice(from, from + 3 + Math.floor(next() * 5));
    out.push(next() < 0.5 ? piece.toUpperCase() : piece.toLowerCase());
    out.push(text(next, 6));
  }
  return out.filter((n) => n.trim().length >= 3);
}

describe("the refine index", () => {
  it("finds exactly what a plain look at every event finds, over hostile text in any case", () => {
    for (const seed of [1, 2, 3]) {
      const events = hostileEvents(seed, 20 * REFINE_BLOCK + 17);
      const filter = createLoadedFilter();
      finish(filter, events, "zz");
      while (!filter.buildIndex(50)) {
        /* a few milliseconds at a time */
      }
      expect(filter.indexBytes()).toBe(21 * BLOCK_BYTES);
      for (const needle of needles(seed, events))
        expect(finish(filter, events, needle)).toEqual(
          filterLoaded(events, [], [], needle),
        );
    }
  });

  it("gives the same rows while typing on, a letter at a time, with the index built", () => {
    const events = hostileEvents(7, 10 * REFINE_BLOCK);
    const filter = createLoadedFilter();
    finish(filter, events, "x");
    while (!filter.buildIndex(50)) {
      /* build */
    }
    for (const word of needles(7, events).slice(0, 10))
      for (let k = 1; k <= word.length; k++)
        expect(finish(filter, events, word.slice(0, k))).toEqual(
          filterLoaded(events, [], [], word.slice(0, k)),
        );
  });

  it("passes over a block that cannot hold the text, and keeps a block whose text only differs in case", () => {
    const events = [
      ...Array.from({ length: REFINE_BLOCK }, (_, i) =>
        makeEvent({ time: at(1, 9) - i, name: "DescribeInstances" }),
      ),
      makeEvent({ time: at(1, 8), name: "删除实例 DeleteBucket" }),
    ];
    const index = createRefineIndex();
    index.sync(events);
    expect(index.build(() => false)).toBe(true);
    expect(index.mayHold(0, refineGrams("deletebucket"))).toBe(false);
    expect(index.mayHold(1, refineGrams("deletebucket"))).toBe(true);
    expect(index.mayHold(1, refineGrams("DELETEBUCKET"))).toBe(true);
    expect(index.mayHold(1, refineGrams("删除实例"))).toBe(true);
    expect(index.mayHold(0, refineGrams("删除实例"))).toBe(false);
    expect(index.mayHold(0, refineGrams("describeinst"))).toBe(true);
  });

  it("keeps the blocks of events that stay in place and rebuilds those that changed", () => {
    const events = hostileEvents(11, 4 * REFINE_BLOCK);
    const filter = createLoadedFilter();
    finish(filter, events, "x");
    while (!filter.buildIndex(50)) {
      /* build */
    }
    // One event in the third block replaced, and older events appended.
    const changed = [...events, ...hostileEvents(12, REFINE_BLOCK)];
    changed[2 * REFINE_BLOCK + 5] = makeEvent({
      time: at(1, 9),
      name: "ChangedEventName",
    });
    expect(finish(filter, changed, "changedevent")).toEqual([
      changed[2 * REFINE_BLOCK + 5],
    ]);
    for (const needle of needles(11, changed))
      expect(finish(filter, changed, needle)).toEqual(
        filterLoaded(changed, [], [], needle),
      );
    // Three blocks kept; the changed one and the new one built again.
    expect(filter.indexBytes()).toBe(3 * BLOCK_BYTES);
    while (!filter.buildIndex(50)) {
      /* build */
    }
    expect(filter.indexBytes()).toBe(5 * BLOCK_BYTES);
  });

  it("sets a block's bits from every value the refine looks at, numbers and the region included", () => {
    const event = {
      ...makeEvent({ time: at(1, 9), params: { Size: 40961 } }),
      region: "eu-west-1",
    };
    const bits = blockBits([event], 0, 1);
    const has = (needle: string) =>
      [...refineGrams(needle)].every(
        (h) => (bits[h >>> 5]! & (1 << (h & 31))) !== 0,
      );
    expect(has("40961")).toBe(true);
    expect(has("EU-WEST")).toBe(true);
  });
});
