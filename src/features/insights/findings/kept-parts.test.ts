import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { KeptParts } from "./kept-parts";

const events = (n: number, day: number) =>
  Array.from({ length: n }, (_, i) => makeEvent({ time: at(day, i) }));

describe("kept parts of a read", () => {
  it("hands back every part of a read once, in the order sent", () => {
    const kept = new KeptParts();
    const [a, b] = [events(2, 1), events(3, 2)];
    kept.keep("read-1", a);
    kept.keep("read-1", b);
    expect(kept.take("read-1", 5)).toEqual([...a, ...b]);
    expect(kept.take("read-1", 5)).toBeUndefined();
    expect(kept.take("read-1", 0)).toEqual([]);
  });

  it("gives nothing when the count sent does not match what is kept", () => {
    const kept = new KeptParts();
    kept.keep("read-1", events(2, 1));
    expect(kept.take("read-1", 3)).toBeUndefined();
  });

  it("drops the oldest read beyond the most it keeps", () => {
    const kept = new KeptParts(2);
    kept.keep("read-1", events(1, 1));
    kept.keep("read-2", events(1, 2));
    kept.keep("read-3", events(1, 3));
    expect(kept.take("read-1", 1)).toBeUndefined();
    expect(kept.take("read-2", 1)).toHaveLength(1);
    expect(kept.take("read-3", 1)).toHaveLength(1);
  });
});
