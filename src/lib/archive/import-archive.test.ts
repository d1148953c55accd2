import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { memoryArchiveStore } from "./archive-store";
import { archiveCoverage } from "./coverage";
import {
  answerDecode,
  decodePool,
  type DecodeReply,
  type DecodeWorker,
} from "./decode-file";
import { deliveryKey } from "./delivery-path";
import {
  importArchive,
  zipSources,
  type ImportProgress,
  type ImportSource,
} from "./import-archive";
import { searchArchives } from "./search-archive";

const ACCOUNT = "5551234567890123";
const DAY = 86_400_000;
const START = Date.UTC(2026, 4, 1);
const MD5 = "0123456789abcdef0123456789abcdef";

const event = (i: number, region: string, time: number, user = "ops.li") => ({
  eventId: `evt-${region}-${i}`,
  eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z"),
  eventName: i % 5 === 0 ? "DeleteBucket" : "DescribeInstances",
  eventType: "ApiCall",
  eventRW: i % 5 === 0 ? "Write" : "Read",
  serviceName: i % 5 === 0 ? "Oss" : "Ecs",
  acsRegion: region,
  sourceIpAddress: "203.0.113.9",
  recipientAccountId: ACCOUNT,
  userIdentity: {
    type: "ram-user",
    accountId: ACCOUNT,
    principalId: "2799",
    userName: user,
    accessKeyId: "LTAI5tArchiveKey",
  },
});

const source = (path: string, bytes: Uint8Array): ImportSource => ({
  path,
  size: bytes.length,
  read: () => Promise.resolve(bytes),
});

/** One delivery file per day per region, `events` events each. */
function deliveredFiles(
  regions: string[],
  days: number,
  skip = new Set<string>(),
) {
  const out: ImportSource[] = [];
  let n = 0;
  for (const region of regions)
    for (let d = 0; d < days; d++) {
      const writtenAt = START + d * DAY + 3_600_000;
      const key = deliveryKey({
        prefix: "audit",
        region,
        writtenAt,
        eventCount: 3,
        bytes: 100,
        md5: MD5,
      });
      if (
        skip.has(`${region} ${new Date(writtenAt).toISOString().slice(0, 10)}`)
      )
        continue;
      const events = [0, 1, 2].map((k) =>
        event(
          n++,
          region,
          writtenAt - k * 60_000,
          d === 10 ? "night.owl" : "ops.li",
        ),
      );
      out.push(
        source(key, gzipSync(new TextEncoder().encode(JSON.stringify(events)))),
      );
    }
  return out;
}

describe("importing an archive", () => {
  it("loads every good file, names each bad one with its reason, and keeps the evidence", async () => {
    const store = memoryArchiveStore();
    const good = deliveredFiles(["cn-hangzhou", "cn-shanghai"], 20);
    const bomb = gzipSync(new Uint8Array(80 * 1024 * 1024), { level: 9 });
    // A real gzip file cut short, as an interrupted download leaves it.
    const cut = gzipSync(
      new TextEncoder().encode(
        JSON.stringify([event(9, "cn-hangzhou", START)]),
      ),
    ).slice(0, 30);
    const bad = [
      source(
        "bad/AliyunLogs/Actiontrail/cn-hangzhou/2026/05/02/broken.gz",
        new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]),
      ),
      source("bad/bomb.json.gz", bomb),
      source("bad/cut.json.gz", cut),
      source("bad/notes.json", new TextEncoder().encode("hello, not JSON")),
      source(
        "bad/other.json",
        new TextEncoder().encode('[{"name":"not an event"}]'),
      ),
      source(
        "bad/deep.json",
        new TextEncoder().encode(`${"[".repeat(600)}${"]".repeat(600)}`),
      ),
    ];
    const seen: ImportProgress[] = [];
    let t = 0;
    const record = await importArchive(store, [...good, ...bad], {
      archiveId: "a1",
      label: "audit bucket",
      startedAt: new Date(START),
      clock: () => (t += 10),
      onProgress: (p) => seen.push(p),
    });
    expect(record).toMatchObject({
      status: "complete",
      files: 46,
      refused: 6,
      events: 120,
      regions: ["cn-hangzhou", "cn-shanghai"],
      accountIds: [ACCOUNT],
      firstDay: "2026-05-01",
      lastDay: "2026-05-20",
    });
    const refused = seen.at(-1)!.refused;
    expect(refused.map((r) => [r.path, r.kind])).toEqual([
      [
        "bad/AliyunLogs/Actiontrail/cn-hangzhou/2026/05/02/broken.gz",
        "not-gzip",
      ],
      ["bad/bomb.json.gz", "too-large"],
      ["bad/cut.json.gz", "not-gzip"],
      ["bad/deep.json", "too-deep"],
      ["bad/notes.json", "no-events"],
      ["bad/other.json", "no-events"],
    ]);
    expect(seen.at(-1)).toMatchObject({
      filesDone: 46,
      filesTotal: 46,
      events: 120,
    });
    expect(seen.at(-1)!.rate).toBeGreaterThan(0);

    const files = await store.files("a1");
    expect(files).toHaveLength(46);
    expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    const coverage = archiveCoverage(
      files.filter((f) => !f.refused && f.region && f.day) as {
        region: string;
        day: string;
        events: number;
      }[],
    );
    expect(
      coverage.map((c) => [c.region, c.days.length, c.gaps.length]),
    ).toEqual([
      ["cn-hangzhou", 20, 0],
      ["cn-shanghai", 20, 0],
    ]);
  });

  it("finds an old event by user, newest first, and de-duplicates a file imported twice", async () => {
    const store = memoryArchiveStore();
    const files = deliveredFiles(["cn-beijing"], 30);
    await importArchive(store, files, {
      archiveId: "a",
      label: "x",
      startedAt: new Date(START),
    });
    await importArchive(store, files.slice(5, 15), {
      archiveId: "b",
      label: "y",
      startedAt: new Date(START),
    });
    const answer = await searchArchives(store, {
      regions: ["cn-beijing"],
      from: START,
      to: START + 30 * DAY,
      filter: { userName: "night.owl" },
      limit: 50,
    });
    expect(answer.matched).toBe(3);
    expect(answer.events.map((e) => e.userName)).toEqual([
      "night.owl",
      "night.owl",
      "night.owl",
    ]);
    expect(answer.events[0]!.timeMs).toBeGreaterThan(answer.events[2]!.timeMs);
    const all = await searchArchives(store, {
      regions: [],
      from: START,
      to: START + 30 * DAY,
      limit: 10,
    });
    expect(all.matched).toBe(90);
    expect(all.events).toHaveLength(10);
    expect(new Set(all.events.map((e) => e.id)).size).toBe(10);
  });

  it("names the days with no file", async () => {
    const store = memoryArchiveStore();
    const files = deliveredFiles(
      ["cn-shanghai"],
      10,
      new Set([
        "cn-shanghai 2026-05-04",
        "cn-shanghai 2026-05-05",
        "cn-shanghai 2026-05-06",
      ]),
    );
    await importArchive(store, files, {
      archiveId: "g",
      label: "gap",
      startedAt: new Date(START),
    });
    const [shanghai] = archiveCoverage(
      (await store.files("g")) as {
        region: string;
        day: string;
        events: number;
      }[],
    );
    expect(shanghai!.gaps).toEqual([
      { region: "cn-shanghai", from: "2026-05-04", to: "2026-05-06", days: 3 },
    ]);
  });

  it("stops when cancelled and keeps the files it finished", async () => {
    const store = memoryArchiveStore();
    const controller = new AbortController();
    const record = await importArchive(
      store,
      deliveredFiles(["cn-hangzhou"], 10),
      {
        archiveId: "c",
        label: "c",
        startedAt: new Date(START),
        signal: controller.signal,
        // A clock that moves 1 s a reading: every file is reported.
        clock: (() => {
          let t = 0;
          return () => (t += 1000);
        })(),
        onProgress: (p) => {
          if (p.filesDone === 4) controller.abort();
        },
      },
    );
    expect(record).toMatchObject({ status: "cancelled", files: 4, events: 12 });
    expect(await store.files("c")).toHaveLength(4);
  });

  it("reads the files of a .zip, leaving out entries that declare too much", () => {
    const inner = gzipSync(
      new TextEncoder().encode(
        JSON.stringify([event(1, "cn-hangzhou", START)]),
      ),
    );
    const zip = zipSync({
      "AliyunLogs/Actiontrail/cn-hangzhou/2026/05/01/a.json.gz": inner,
      "folder/": new Uint8Array(),
    });
    const { sources, refused } = zipSources("export.zip", zip);
    expect(sources.map((s) => s.path)).toEqual([
      "export.zip/AliyunLogs/Actiontrail/cn-hangzhou/2026/05/01/a.json.gz",
    ]);
    expect(refused).toEqual([]);
  });

  it("accepts the documented sample events as they are", async () => {
    const samples = readFileSync(
      resolve(process.cwd(), "mocks/samples/documented-events.json"),
    );
    const store = memoryArchiveStore();
    const record = await importArchive(
      store,
      [source("samples.json", new Uint8Array(samples))],
      {
        archiveId: "s",
        label: "samples",
        startedAt: new Date(START),
      },
    );
    expect(record.refused).toBe(0);
    expect(record.events).toBe(3);
  });

  it("refuses ActionTrail Insight files by name, with their hash in the manifest, and keeps them out of searches and coverage", async () => {
    const store = memoryArchiveStore();
    const good = deliveredFiles(["cn-hangzhou"], 2);
    const gz = (items: unknown[]) =>
      gzipSync(new TextEncoder().encode(JSON.stringify(items)));
    const insight = {
      ...event(90, "cn-hangzhou", START + 3_600_000, "insight.user"),
      eventType: "ActionTrailInsight",
    };
    const underInsight = deliveryKey({
      prefix: "audit",
      region: "cn-hangzhou",
      writtenAt: START + 3_600_000,
      eventCount: 1,
      bytes: 100,
      md5: MD5,
    }).replace("/Actiontrail/", "/Actiontrail-Insight/");
    const files = [
      ...good,
      source(underInsight, gz([insight])),
      source(
        `flat/${ACCOUNT}_Actiontrail-Insight_cn-hangzhou_20260501010000_7.json.gz`,
        gz([insight]),
      ),
      // Named as events, holding only insight events.
      source("flat/insights-only.json.gz", gz([insight])),
    ];
    const seen: ImportProgress[] = [];
    const record = await importArchive(store, files, {
      archiveId: "i1",
      label: "with insights",
      startedAt: new Date(START),
      onProgress: (p) => seen.push(p),
    });
    expect(record).toMatchObject({ files: 5, refused: 3, events: 6 });
    expect(
      seen
        .at(-1)!
        .refused.map((r) => [r.path.replace(/^.*\//, ""), r.kind])
        .sort(),
    ).toEqual(
      [
        [underInsight.replace(/^.*\//, ""), "insight"],
        [
          `${ACCOUNT}_Actiontrail-Insight_cn-hangzhou_20260501010000_7.json.gz`,
          "insight",
        ],
        ["insights-only.json.gz", "insight"],
      ].sort(),
    );
    const stored = await store.files("i1");
    const refused = stored.filter((f) => f.refused);
    expect(refused.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(refused[0]!.refused!.message).toContain("Actiontrail-Insight");
    const found = await searchArchives(store, {
      regions: [],
      from: 0,
      to: START + 10 * DAY,
      filter: { userName: "insight.user" },
      limit: 10,
    });
    expect(found.matched).toBe(0);
  });

  it("imports the same archive through a pool of decode workers, files stored in path order", async () => {
    // In-process stand-ins for workers: each answers in its own time, out of order.
    const delays = [3, 0];
    const workers: DecodeWorker[] = delays.map((wait) => {
      let listener: ((reply: DecodeReply) => void) | undefined;
      return {
        post: (request) =>
          void answerDecode(request).then(
            ({ reply }) =>
              new Promise<void>((done) =>
                setTimeout(() => {
                  listener?.(reply);
                  done();
                }, wait),
              ),
          ),
        onReply: (l) => (listener = l),
        onFailure: () => undefined,
        terminate: () => undefined,
      };
    });
    const pool = decodePool(workers);
    const files = deliveredFiles(["cn-hangzhou", "cn-shanghai"], 10);
    const pooled = memoryArchiveStore();
    const inline = memoryArchiveStore();
    const options = { label: "pooled", startedAt: new Date(START) };
    const a = await importArchive(pooled, files, {
      ...options,
      archiveId: "p",
      decode: pool.decode,
    });
    const b = await importArchive(inline, files, {
      ...options,
      archiveId: "p",
    });
    pool.close();
    expect(a).toEqual(b);
    expect(await pooled.files("p")).toEqual(await inline.files("p"));
  });

  it("goes on without a decode worker that fails: its file is named unread, the rest decode elsewhere", async () => {
    let fail: ((message: string) => void) | undefined;
    const broken: DecodeWorker = {
      post: () => fail?.("it could not start"),
      onReply: () => undefined,
      onFailure: (l) => (fail = l),
      terminate: () => undefined,
    };
    const pool = decodePool([broken]);
    const files = deliveredFiles(["cn-hangzhou"], 3);
    const store = memoryArchiveStore();
    const seen: ImportProgress[] = [];
    const record = await importArchive(store, files, {
      archiveId: "f",
      label: "failing worker",
      startedAt: new Date(START),
      decode: pool.decode,
      onProgress: (p) => seen.push(p),
    });
    pool.close();
    expect(record).toMatchObject({ files: 3, refused: 1, events: 6 });
    expect(seen.at(-1)!.refused[0]!.message).toContain(
      "the decode worker failed (it could not start)",
    );
  });
});
