/**
 * `npm run bench:rules` (or `npx tsx scripts/bench-rules.ts`): how long the
 * ActionTrail rule pack takes over 100,000 events of the simulated account
 * (fixed seed and `now`). Compiles the pack once, warms up once, then prints
 * the median of 5 runs of evaluating every rule over every event, and the
 * rules that matched most (background noise worth knowing about).
 *
 * Environment: BENCH_EVENTS (default 100000), BENCH_RUNS (default 5).
 * Target: ≤ 300 ms on the project's machine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAccount } from "../mocks/data/account";
import { REGION_IDS } from "../mocks/data/regions";
import { compileRule, type CompiledRule } from "../src/lib/sigma/compile";
import { evaluateRules, indexRules } from "../src/lib/sigma/evaluate";

const TARGET = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RULES_DIR = fileURLToPath(
  new URL("../src/lib/sigma/rules", import.meta.url),
);

const rules: CompiledRule[] = [];
for (const file of readdirSync(RULES_DIR)
  .filter((f) => f.endsWith(".yml"))
  .sort()) {
  const result = compileRule(readFileSync(join(RULES_DIR, file), "utf8"), {
    strict: true,
  });
  if (!result.ok) {
    console.error(`${file} refused:`, result.refusals);
    process.exit(1);
  }
  rules.push(result.rule);
}

const account = createAccount({
  seed: 20261123,
  now: Date.UTC(2026, 10, 28, 12, 0),
  scale: 0.5,
  latency: [0, 0],
  rateLimits: false,
});
const events: Record<string, unknown>[] = [];
for (const region of REGION_IDS) {
  const store = account.store(region);
  for (let i = 0; i < store.size && events.length < TARGET; i++)
    events.push(store.materialize(i));
  if (events.length >= TARGET) break;
}
if (events.length < TARGET)
  console.warn(`only ${events.length} events in the account at this scale`);

const index = indexRules(rules);
const time = () => {
  const t0 = performance.now();
  const hits = evaluateRules(index, events);
  return { ms: performance.now() - t0, hits };
};
time(); // warm-up
const runs = Array.from({ length: RUNS }, time);
const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const hits = runs[0]!.hits;

console.log(
  `${rules.length} rules (${index.any.length} without an event-name index) over ${events.length.toLocaleString("en-US")} events: median ${median.toFixed(1)} ms of ${RUNS} runs (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}); target ≤ 300 ms`,
);
const byTitle = new Map(rules.map((r) => [r.meta.id, r.meta.title]));
const top = [...hits]
  .map(([id, list]) => [byTitle.get(id) ?? id, list.length] as const)
  .sort((a, b) => b[1] - a[1]);
console.log(`${top.length} rules matched at least once:`);
for (const [title, n] of top)
  console.log(`  ${String(n).padStart(6)}  ${title}`);
