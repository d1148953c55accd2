import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { once } from "@mocks/testing/helpers";
import { gzipSync } from "fflate";
import {
  gunzip as gunzipCapped,
  MAX_NESTING_DEPTH,
  nestingDepth,
  OwnDataRefusal,
  parseEventsText,
  parseOwnEvents,
} from "./own-data";

const samples = readFileSync(
  resolve(process.cwd(), "mocks/samples/documented-events.json"),
  "utf8",
);
const event = (
  id: string,
  time: string,
  extra: Record<string, unknown> = {},
) => ({
  eventId: id,
  eventTime: time,
  eventName: "DescribeInstances",
  acsRegion: "cn-hangzhou",
  ...extra,
});

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  }).pipeThrough(
    new CompressionStream("gzip") as unknown as ReadableWritablePair<
      Uint8Array,
      Uint8Array
    >,
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("own data", () => {
  it("accepts the documented sample events as they are", async () => {
    const result = await parseOwnEvents(new TextEncoder().encode(samples));
    expect(result.format).toBe("json-array");
    expect(result.rejectedCount).toBe(0);
    expect(result.events.map((e) => e.name)).toEqual([
      "CreateUser",
      "DescribeInstances",
      "LookupEvents",
    ]);
    expect(result.events[2]!.raw.eventVersion).toBe("1");
  });

  it("reads JSON Lines and reports each rejected line with its reason", () => {
    const lines = [
      JSON.stringify(event("A-1", "2026-11-20T01:00:00Z")),
      "",
      "{not json",
      JSON.stringify({ eventName: "NoId", eventTime: "2026-11-20T01:00:00Z" }),
      JSON.stringify(event("A-2", "last tuesday")),
      "[1,2]",
      JSON.stringify(event("A-3", "2026-11-20T02:00:00Z")),
    ].join("\n");
    const result = parseEventsText(lines);
    expect(result.format).toBe("json-lines");
    expect(result.events.map((e) => e.id)).toEqual(["A-1", "A-3"]);
    expect(result.total).toBe(6);
    expect(result.rejectedCount).toBe(4);
    expect(result.rejected.map((r) => r.position)).toEqual([3, 4, 5, 6]);
    expect(result.rejected[0]!.reason).toContain("not valid JSON");
    expect(result.rejected[1]!.reason).toContain("eventId");
    expect(result.rejected[2]!.reason).toContain("eventTime");
    expect(result.rejected[3]!.reason).toBe("not a JSON object");
  });

  it("reads gzip of a JSON array and of JSON Lines", async () => {
    const array = await parseOwnEvents(await gzip(samples));
    expect(array.gzip).toBe(true);
    expect(array.events).toHaveLength(3);
    const jsonl = await parseOwnEvents(
      await gzip(
        `${JSON.stringify(event("G-1", "2026-11-20T01:00:00Z"))}\n${JSON.stringify(event("G-2", "2026-11-20T01:00:01Z"))}\n`,
      ),
    );
    expect(jsonl.format).toBe("json-lines");
    expect(jsonl.events.map((e) => e.id)).toEqual(["G-1", "G-2"]);
  });

  it("keeps hostile keys inert and the raw event intact", () => {
    const result = parseEventsText(
      `[${JSON.stringify(event("P-1", "2026-11-20T01:00:00Z")).slice(0, -1)},"__proto__":{"polluted":1}}]`,
    );
    expect(result.events).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result.events[0]!.raw)).toContain("__proto__");
  });

  it("serves loaded events through LookupEvents with archive time rules", async () => {
    const account = installAccount({ rateLimits: false });
    const parsed = await parseOwnEvents(new TextEncoder().encode(samples));
    const info = account.loadOwnEvents(parsed.events, "documented-events.json");
    expect(info.regions).toEqual(["cn-hangzhou", "cn-shanghai"]);
    const page = await once("cn-hangzhou", "LookupEvents", {
      StartTime: "2020-12-25T00:00:00Z",
      EndTime: "2021-01-20T00:00:00Z",
    });
    expect(page.events.map((e) => e.name)).toEqual(["LookupEvents"]);
    const byUser = await once("cn-hangzhou", "LookupEvents", {
      StartTime: "2021-08-01T00:00:00Z",
      EndTime: "2021-08-30T00:00:00Z",
      LookupAttribute: [{ Key: "User", Value: "alice" }],
    });
    expect(byUser.events.map((e) => e.id)).toEqual([
      "239EB588-CD24-522E-B0B5-174A1A588BE0",
    ]);
    account.clearOwnEvents();
    expect(
      (await once("cn-hangzhou", "LookupEvents", {})).events.length,
    ).toBeGreaterThan(0);
  });
});

/** Bytes that record how far into them a reader sliced (how much input was read). */
class WatchedBytes extends Uint8Array {
  furthest = 0;
  override subarray(begin?: number, end?: number): Uint8Array<ArrayBuffer> {
    this.furthest = Math.max(this.furthest, end ?? this.length);
    return super.subarray(begin, end);
  }
}

/** A gzip bomb kept small in memory: one 4 MB member of zeros (~4 KB), repeated. */
function gzipBomb(members: number): WatchedBytes {
  const member = gzipSync(new Uint8Array(4 * 1024 * 1024), { level: 9 });
  const bomb = new WatchedBytes(member.length * members);
  for (let i = 0; i < members; i++) bomb.set(member, i * member.length);
  return bomb;
}

describe("files that would hurt the browser", () => {
  it("stops a gzip bomb as soon as its output passes the cap", async () => {
    const bomb = gzipBomb(64); // 256 MB once expanded
    await expect(gunzipCapped(bomb, 1024 * 1024)).rejects.toThrow(
      /expands to more than 1 MB/,
    );
    expect(bomb.furthest).toBeGreaterThan(0);
    expect(bomb.furthest).toBeLessThan(bomb.length / 4);
  });

  it("refuses a bomb through parseOwnEvents with a clear reason", async () => {
    const refused = parseOwnEvents(gzipBomb(4), { maxTextBytes: 1024 * 1024 });
    await expect(refused).rejects.toBeInstanceOf(OwnDataRefusal);
    await expect(refused).rejects.toThrow(/Split it into smaller files/);
  });

  it("still reads a gzip file under the cap, multi-member included", async () => {
    const text = JSON.stringify([event("G-1", "2026-11-20T01:00:00Z")]);
    const member = gzipSync(new TextEncoder().encode(text));
    expect(new TextDecoder().decode(await gunzipCapped(member, 1024))).toBe(
      text,
    );
    const lines = `${JSON.stringify(event("G-2", "2026-11-20T01:00:00Z"))}\n`;
    const one = gzipSync(new TextEncoder().encode(lines));
    const two = new Uint8Array(one.length * 2);
    two.set(one);
    two.set(one, one.length);
    expect(new TextDecoder().decode(await gunzipCapped(two))).toBe(
      lines + lines,
    );
  });

  it("refuses plain text over the cap unread", async () => {
    await expect(
      parseOwnEvents(new Blob(["x".repeat(2048)]), { maxTextBytes: 1024 }),
    ).rejects.toThrow(/more than 1 KB of text/);
  });

  it("refuses a corrupt gzip file with a reason", async () => {
    const broken = gzipSync(new TextEncoder().encode("[]".repeat(1000)));
    broken.fill(0xff, 10, 40);
    await expect(parseOwnEvents(broken)).rejects.toBeInstanceOf(OwnDataRefusal);
  });

  it("measures nesting outside strings only, and stops counting past the limit", () => {
    expect(nestingDepth('[{"a":[1,{"b":"[[[[{{{{"}]}]', 10)).toBe(4);
    expect(nestingDepth('["\\"[[[", 1]', 10)).toBe(1);
    expect(nestingDepth("[".repeat(5000), 100)).toBe(101);
    // A broken line of JSON Lines (an unterminated string) cannot hide the next line.
    expect(nestingDepth(`{"a":"open\n${"[".repeat(50)}`, 100)).toBe(51);
  });

  it("refuses a 5,000-deep array and keeps 200-level nesting inside events", async () => {
    const deep = `[${"[".repeat(5000)}${"]".repeat(5000)}]`;
    const refused = parseOwnEvents(new TextEncoder().encode(deep));
    await expect(refused).rejects.toBeInstanceOf(OwnDataRefusal);
    await expect(refused).rejects.toThrow(
      `more than ${MAX_NESTING_DEPTH} levels deep`,
    );

    let nested: unknown = "bottom";
    for (let i = 0; i < 200; i++) nested = { n: nested };
    const ok = await parseOwnEvents(
      new TextEncoder().encode(
        JSON.stringify([
          event("D-1", "2026-11-20T01:00:00Z", { requestParameters: nested }),
        ]),
      ),
    );
    expect(ok.events.map((e) => e.id)).toEqual(["D-1"]);
  });
});
