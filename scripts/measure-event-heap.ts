/**
 * Measures what 100,000 loaded events cost on the JS heap, the way the event
 * search holds them: the simulated account's events (cn-hangzhou, newest
 * first) as LookupEvents pages of 50, JSON-encoded and parsed through the
 * real response schema, stored as the reader stores pages. Prints heap used
 * per event. A fast loop for heap work; the browser figure in `npm run bench`
 * is the truth. Run: `NODE_OPTIONS=--expose-gc npx tsx scripts/measure-event-heap.ts [count]`.
 */
import {
  compactEvent,
  lookupEventsResponseSchema,
  type AuditEvent,
} from "../src/api/schemas/event";
import { createStringTable } from "../src/lib/intern";
import { createAccount } from "../mocks/data/account";

const COUNT = Number(process.argv[2] ?? 100_000);
const PAGE = 50;
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with NODE_OPTIONS=--expose-gc");

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const account = createAccount({ now: NOW, clock: () => NOW });
const regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"];
// Generate the stores before measuring: they are the mock's, not the console's.
const stores = regions.map((r) => account.store(r));
const pages: string[] = [];
let made = 0;
for (const store of stores) {
  for (let i = store.size - 1; i >= 0 && made < COUNT;) {
    const events: Record<string, unknown>[] = [];
    for (; i >= 0 && events.length < PAGE && made < COUNT; i--, made++)
      events.push(store.materialize(i));
    pages.push(
      JSON.stringify({ RequestId: `req-${pages.length}`, Events: events }),
    );
  }
  if (made >= COUNT) break;
}
const bytes = pages.reduce((n, p) => n + p.length, 0);

const before = heap();
const table = createStringTable();
const chunks: AuditEvent[][] = [];
const t0 = performance.now();
for (const text of pages) {
  const page = lookupEventsResponseSchema.parse(JSON.parse(text));
  chunks.push(page.events.map((e) => compactEvent(e, table)));
}
const elapsed = performance.now() - t0;
const after = heap();
const n = chunks.reduce((s, c) => s + c.length, 0);
console.log(
  `${n.toLocaleString("en-US")} events (${(bytes / n).toFixed(0)} bytes of JSON each): ` +
    `heap +${((after - before) / 2 ** 20).toFixed(1)} MB, ${((after - before) / n).toFixed(0)} bytes/event; ` +
    `parse+store ${elapsed.toFixed(0)} ms; ${table.size.toLocaleString("en-US")} strings in the table`,
);
// Keep the events alive until measured.
if (chunks.length < 0) console.log(chunks);
