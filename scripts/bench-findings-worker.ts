/**
 * The findings worker in Chromium: the time to run every rule of the pack
 * (and, separately, every rule plus the stateful detectors and the grouping)
 * over 100,000 events in the console's real findings worker, as the Findings
 * view runs it.
 *
 * The worker is the one `vite build` emits (assets/findings.worker-*.js),
 * served by `vite preview` and started as the console starts it (a module
 * worker). The events are the simulated account's (fixed seed and `now`),
 * generated and parsed into the console's event shape inside the page
 * before any timing. Each run posts the job and waits for the answer,
 * median of several runs after one warm-up. Two figures per job: the time
 * inside the worker (performance.now() around computeFindings: what the
 * target is about, "every rule over 100,000 events in the worker") and the
 * round trip (copying 100,000 events into the worker included).
 *
 * The Findings view does not copy a whole read at the end: the parts of the
 * read go to the worker as they arrive, which keeps them, and the run over
 * the whole read sends only what came after the last part. The third job
 * measures that: nine parts of a tenth each are sent (not timed: they go
 * while the read is under way), then the whole run with the last tenth.
 *
 * Alone: `npx tsx scripts/bench-findings-worker.ts` (builds the mock console
 * into .bench/findings-worker unless BENCH_OUT_DIR names a build, serves it
 * on BENCH_PORT). From scripts/bench.ts: `run(rows, browser, base)` adds its rows to
 * the benchmark's table.
 *
 * Environment: BENCH_EVENTS (default 100000), BENCH_RUNS (default 5),
 * BENCH_PORT (default 4199), CHROMIUM_PATH. Target: every rule over 100,000
 * events in ≤ 300 ms inside the worker.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser } from "@playwright/test";
import type { DetectorName } from "../src/features/insights/detectors/detector-meta";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 300;
const SEED = 20261123;
const NOW = Date.UTC(2026, 10, 28, 12, 0);

/** Switched off for the rules-only figure (every stateful detector). */
const DETECTORS: Record<DetectorName, true> = {
  "new-address": true,
  "dormant-credential": true,
  "call-rate": true,
  "error-rate": true,
  "signin-failures": true,
  "no-mfa-signin": true,
  "sensitive-action": true,
  enumeration: true,
};

export interface WorkerFigure {
  what: string;
  /** Round trips (post → answer), ms, after the warm-up. */
  runs: number[];
  median: number;
  /** The worker's own compute time, median, ms. */
  compute: number;
  /** The worker's own compute time of each run, ms. */
  computeRuns: number[];
  findings: number;
}

export interface FindingsWorkerBench {
  events: number;
  rulesOnly: WorkerFigure;
  everything: WorkerFigure;
  /** The whole run after the read's parts were kept in the worker. */
  afterParts: WorkerFigure;
  /** Posting the events to a worker that does nothing with them, ms. */
  copying: number[];
  rows: { metric: string; value: string; target?: string; ok?: boolean }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The simulated account's events, parsed as the API client parses them: a script for the page. */
async function generatorScript(): Promise<string> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const out = await build({
    stdin: {
      contents: `
        import { createAccount } from "./mocks/data/account";
        import { REGION_IDS } from "./mocks/data/regions";
        import { auditEventSchema } from "./src/api/schemas/event";
        globalThis.__benchEvents = (count, seed, now) => {
          const account = createAccount({ seed, now, scale: 0.5, latency: [0, 0], rateLimits: false });
          const events = [];
          for (const region of REGION_IDS) {
            const store = account.store(region);
            for (let i = 0; i < store.size && events.length < count; i++) {
              const parsed = auditEventSchema.safeParse(store.materialize(i));
              if (parsed.success) events.push(parsed.data);
            }
            if (events.length >= count) break;
          }
          return events;
        };`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    write: false,
    alias: { "@": join(root, "src"), "@mocks": join(root, "mocks") },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

/** The built findings worker's URL path (hashed name). */
function workerPath(outDir: string): string {
  const name = readdirSync(join(outDir, "assets")).find(
    (f) => f.startsWith("findings.worker") && f.endsWith(".js"),
  );
  if (!name) throw new Error(`no findings worker in ${outDir}/assets`);
  return `/assets/${name}`;
}

/** Measures the built console's findings worker in a page of `base` (a server of `outDir`). */
export async function benchFindingsWorker(
  browser: Browser,
  base: string,
  outDir: string,
): Promise<FindingsWorkerBench> {
  // The generator is an inline script: the console's CSP (rightly) refuses those.
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  const page = await context.newPage();
  try {
    // Any page of the console's origin: the worker must be same-origin.
    await page.goto(`${base}/robots.txt`).catch(() => undefined);
    await page.addScriptTag({ content: await generatorScript() });
    const events = await page.evaluate(
      ([count, seed, now]) => {
        const w = window as unknown as {
          __benchEvents: (c: number, s: number, n: number) => unknown[];
          __events: unknown[];
        };
        w.__events = w.__benchEvents(count, seed, now);
        return w.__events.length;
      },
      [EVENTS, SEED, NOW] as const,
    );
    const measure = async (
      what: string,
      disabled: string[],
      parts = 0,
    ): Promise<WorkerFigure> => {
      const r = await page.evaluate(
        async ([url, runs, off, parts]) => {
          const worker = new Worker(url, { type: "module" });
          const all = (window as unknown as { __events: unknown[] }).__events;
          const size = parts ? Math.ceil(all.length / parts) : 0;
          const post = (id: number, job: object) =>
            new Promise<{ ms: number; compute: number; findings: number }>(
              (resolve, reject) => {
                const t0 = performance.now();
                worker.onmessage = (e: MessageEvent) => {
                  const data = e.data as {
                    result?: { findings: unknown[] };
                    error?: string;
                    computeMs?: number;
                  };
                  if (data.error) return reject(new Error(data.error));
                  resolve({
                    ms: performance.now() - t0,
                    compute: data.computeMs ?? NaN,
                    findings: data.result?.findings.length ?? 0,
                  });
                };
                worker.postMessage({ id, job });
              },
            );
          const once = async (id: number) => {
            if (!parts)
              return post(id, { events: all, userRules: [], disabled: off });
            // The read's parts, kept in the worker (not timed: sent while the read runs).
            const read = { id: `bench-read-${id}`, keep: true };
            for (let i = 0; i < parts - 1; i++)
              await post(-1, {
                events: all.slice(i * size, (i + 1) * size),
                userRules: [],
                disabled: off,
                rulesOnly: true,
                read,
              });
            const kept = (parts - 1) * size;
            return post(id, {
              events: all.slice(kept),
              userRules: [],
              disabled: off,
              read: { id: read.id, kept },
            });
          };
          await once(0); // warm-up
          const out = [];
          for (let i = 1; i <= runs; i++) out.push(await once(i));
          worker.terminate();
          return out;
        },
        [workerPath(outDir), RUNS, disabled, parts] as const,
      );
      const runs = r.map((x) => x.ms);
      const computeRuns = r.map((x) => x.compute);
      return {
        what,
        runs,
        median: median(runs),
        compute: median(computeRuns),
        computeRuns,
        findings: r[0]?.findings ?? 0,
      };
    };
    const rulesOnly = await measure(
      "every rule of the pack",
      Object.keys(DETECTORS),
    );
    const everything = await measure(
      "every rule and stateful detector, grouped",
      [],
    );
    const afterParts = await measure(
      "every rule and stateful detector, grouped, after nine tenths of the read were kept in the worker as parts",
      [],
      10,
    );
    // What copying the events into a worker costs alone: a worker that only answers with the count.
    const copying = await page.evaluate(async (runs) => {
      const source = "self.onmessage = (e) => self.postMessage(e.data.length);";
      const worker = new Worker(
        URL.createObjectURL(new Blob([source], { type: "text/javascript" })),
      );
      const events = (window as unknown as { __events: unknown[] }).__events;
      const once = () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          worker.onmessage = () => resolve(performance.now() - t0);
          worker.postMessage(events);
        });
      await once();
      const out: number[] = [];
      for (let i = 0; i < runs; i++) out.push(await once());
      worker.terminate();
      return out;
    }, RUNS);
    const n = events.toLocaleString("en-US");
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
    const line = (f: WorkerFigure) =>
      `${f.median.toFixed(0)} ms median of ${f.runs.length} (runs: ${ms(f.runs)}; in the worker ${f.compute.toFixed(0)} ms; ${f.findings} findings)`;
    return {
      events,
      rulesOnly,
      everything,
      afterParts,
      copying,
      rows: [
        {
          metric: `findings worker, ${rulesOnly.what}, ${n} events, inside the worker`,
          value: `${rulesOnly.compute.toFixed(0)} ms median of ${rulesOnly.computeRuns.length} (runs: ${ms(rulesOnly.computeRuns)}; ${rulesOnly.findings} findings)`,
          target: `≤ ${TARGET_MS} ms`,
          ok: rulesOnly.compute <= TARGET_MS,
        },
        {
          metric: `findings worker, ${rulesOnly.what}, ${n} events (round trip)`,
          value: line(rulesOnly),
        },
        {
          metric: `copying ${n} events into a worker, alone`,
          value: `${median(copying).toFixed(0)} ms median of ${copying.length} (runs: ${copying.map((x) => x.toFixed(0)).join(", ")})`,
        },
        {
          metric: `findings worker, ${everything.what}, ${n} events (round trip)`,
          value: line(everything),
        },
        {
          metric: `findings worker, ${afterParts.what}, ${n} events (round trip of the whole run)`,
          value: line(afterParts),
        },
      ],
    };
  } finally {
    await context.close();
  }
}

/** For scripts/bench.ts: measures the worker of its mock build (`.bench/mock`, served at `base`) and adds the rows to its table. */
export async function run(
  rows: FindingsWorkerBench["rows"],
  browser: Browser,
  base: string,
  outDir = ".bench/mock",
): Promise<void> {
  console.log("\n# findings worker: all rules over 100,000 events in Chromium");
  rows.push(...(await benchFindingsWorker(browser, base, outDir)).rows);
}

async function serve(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "node_modules/vite/bin/vite.js",
      "preview",
      "--outDir",
      outDir,
      "--port",
      String(port),
      "--strictPort",
      "--host",
      "127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("vite preview did not start");
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 4199);
  const outDir = process.env.BENCH_OUT_DIR ?? ".bench/findings-worker";
  if (!process.env.BENCH_OUT_DIR) {
    const built = spawnSync(
      "npx",
      [
        "vite",
        "build",
        "--outDir",
        outDir,
        "--emptyOutDir",
        "--logLevel",
        "warn",
      ],
      { stdio: "inherit", env: { ...process.env, VITE_API_MODE: "mock" } },
    );
    if (built.status !== 0) throw new Error("vite build failed");
  }
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const server = await serve(outDir, port);
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const r = await benchFindingsWorker(
      browser,
      `http://127.0.0.1:${port}`,
      outDir,
    );
    for (const row of r.rows)
      console.log(
        `${row.metric}: ${row.value}${row.target ? ` — target ${row.target}: ${row.ok ? "met" : "NOT met"}` : ""}`,
      );
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await main();
