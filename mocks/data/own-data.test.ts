import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { once } from "@mocks/testing/helpers";
import { parseEventsText, parseOwnEvents } from "./own-data";

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
