import { describe, expect, it } from "vitest";
import { batchChunks, type LoadChunk } from "./loader";

async function* chunks(list: LoadChunk[]) {
  for (const c of list) yield await Promise.resolve(c);
}
const ev = (id: string) => ({ id }) as unknown as LoadChunk["events"][number];

describe("batchChunks", () => {
  it("coalesces chunks that arrive within the interval, passing failures and the cap on at once", async () => {
    let clock = 0;
    const source = chunks([
      { events: [ev("a")], requests: 1 },
      { events: [ev("b")], requests: 1 },
      { events: [ev("c")], requests: 1 },
      {
        events: [],
        requests: 1,
        failure: { region: "eu-west-1", error: new Error("x") },
      },
      { events: [ev("d")], requests: 1 },
      { events: [ev("e")], requests: 1, truncated: true },
    ]);
    const out: LoadChunk[] = [];
    for await (const c of batchChunks(source, 400, () => (clock += 100)))
      out.push(c);
    expect(out.map((c) => c.events.map((e) => e.id).join(""))).toEqual([
      "a",
      "bc",
      "",
      "de",
    ]);
    expect(out.map((c) => c.requests)).toEqual([1, 2, 1, 2]);
    expect(out[2]?.failure?.region).toBe("eu-west-1");
    expect(out[3]?.truncated).toBe(true);
  });
});
