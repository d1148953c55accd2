/**
 * `npm run bench:archive` (or `npx tsx scripts/bench-archive.ts`): importing
 * a trail's OSS archive. Generates delivery files of the simulated account
 * (fixed seed and `now`, gzipped JSON in the documented layout, about 350
 * events per file), imports them with the archive importer into an
 * in-memory store, and prints the import rate, the time for all events,
 * the heap afterwards, and a search over them (a user's events, newest 50).
 *
 * This measures the import's own work (read, gunzip, hash, validate,
 * compact) in Node on this machine, with files decoded on BENCH_DECODERS
 * worker threads (default 2, as the browser's import runs two decode
 * workers on a 2-core machine; 0 decodes on the main thread); in the
 * browser the same code runs in workers and adds IndexedDB writes.
 *
 * Environment: BENCH_EVENTS (default 1000000), BENCH_DECODERS (default 2).
 * Targets (issue 14): 1,000,000 events in ≤ 15 s; memory ≤ 400 MB.
 */
import { Worker } from "node:worker_threads";
import { gzipSync } from "fflate";
import { createAccount } from "../mocks/data/account";
import { REGION_IDS } from "../mocks/data/regions";
import { memoryArchiveStore } from "../src/lib/archive/archive-store";
import {
  decodePool,
  type DecodeReply,
  type DecodeWorker,
} from "../src/lib/archive/decode-file";
import { deliveryKey } from "../src/lib/archive/delivery-path";
import {
  importArchive,
  type ImportSource,
} from "../src/lib/archive/import-archive";
import { searchArchives } from "../src/lib/archive/search-archive";

const TARGET = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DECODERS = Number(process.env.BENCH_DECODERS ?? 2);

function decodeThread(): DecodeWorker {
  // A worker thread does not inherit tsx's loader: it imports the TypeScript through tsx's API.
  const script = new URL("./bench-decode-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(import.meta.url)}));`,
    { eval: true },
  );
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onReply: (listener) =>
      worker.on("message", (reply: DecodeReply) => listener(reply)),
    onFailure: (listener) =>
      worker.on("error", (error: Error) => listener(error.message)),
    terminate: () => void worker.terminate(),
  };
}
const PER_FILE = 350;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const account = createAccount({
  seed: 20261123,
  now: Date.UTC(2026, 10, 28, 12, 0),
  scale: 3,
  latency: [0, 0],
  rateLimits: false,
});

// Build the files first (not timed): the archive as a bucket would hold it.
const sources: ImportSource[] = [];
let generated = 0;
let compressed = 0;
const users = new Map<string, number>();
outer: for (const region of REGION_IDS) {
  const store = account.store(region);
  for (let start = 0; start < store.size; start += PER_FILE) {
    const batch: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(store.size, start + PER_FILE); i++)
      batch.push(store.materialize(i));
    const bytes = gzipSync(new TextEncoder().encode(JSON.stringify(batch)), {
      level: 6,
    });
    const writtenAt = Date.parse(String(batch[0]!.eventTime));
    sources.push({
      path: deliveryKey({
        region,
        writtenAt: Number.isFinite(writtenAt) ? writtenAt : 0,
        eventCount: batch.length,
        bytes: bytes.length,
        md5: "0".repeat(32),
      }),
      size: bytes.length,
      read: () => Promise.resolve(bytes),
    });
    for (const e of batch) {
      const name = (e.userIdentity as { userName?: string } | undefined)
        ?.userName;
      if (name) users.set(name, (users.get(name) ?? 0) + 1);
    }
    generated += batch.length;
    compressed += bytes.length;
    if (generated >= TARGET) break outer;
  }
}
console.log(
  `archive: ${sources.length} files, ${generated.toLocaleString("en-US")} events, ${mb(compressed)} gzipped`,
);

globalThis.gc?.();
const held = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const heapBefore = held();
const store = memoryArchiveStore();
// The workers start (and load their code) before the clock does, as the browser's do while files are picked.
const pool =
  DECODERS > 0
    ? decodePool(Array.from({ length: DECODERS }, decodeThread))
    : undefined;
if (pool) {
  const warm = sources[0]!;
  await pool.decode("warm-up", warm.path, (await warm.read()).slice());
}
const t0 = performance.now();
const record = await importArchive(store, sources, {
  archiveId: "bench",
  label: "bench",
  startedAt: new Date(0),
  ...(pool ? { decode: pool.decode } : {}),
});
const seconds = (performance.now() - t0) / 1000;
pool?.close();
globalThis.gc?.();
const heapAfter = held();
console.log(
  `import (${DECODERS} decode ${DECODERS === 1 ? "thread" : "threads"}): ${record.events.toLocaleString("en-US")} events in ${seconds.toFixed(1)} s = ${Math.round(record.events / seconds).toLocaleString("en-US")} events/s (${record.refused} files refused)`,
);
console.log(
  `memory: ${mb(heapAfter - heapBefore)} more (JS heap and array buffers) after import, held by the in-memory store: columns plus the files themselves (${mb(compressed)}; in the browser they are in IndexedDB); RSS ${mb(process.memoryUsage().rss)}`,
);

const rare = [...users.entries()].sort((a, b) => a[1] - b[1])[0]![0];
const s0 = performance.now();
const answer = await searchArchives(store, {
  regions: [],
  from: 0,
  to: Date.now(),
  filter: { userName: rare },
  limit: 50,
});
const searchMs = performance.now() - s0;
console.log(
  `search: user ${rare} → ${answer.matched} events over ${answer.segments} files in ${searchMs.toFixed(0)} ms`,
);

// For `npm run bench`, which puts these figures in its table.
console.log(
  `RESULT ${JSON.stringify({
    events: record.events,
    seconds,
    rate: record.events / seconds,
    heldMb: (heapAfter - heapBefore) / 1024 / 1024,
    searchMs,
  })}`,
);
