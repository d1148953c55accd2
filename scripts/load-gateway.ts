/**
 * The gateway's own load test: 50 clients for 30 s through a real gateway
 * (its own process, `server/cli.ts`) to the stand-in ActionTrail on loopback,
 * three runs in a row. Prints throughput, latency percentiles, errors and the
 * gateway's RSS before, at peak and after each run, so memory growth across
 * runs shows. Not part of `npm test`: it measures, it does not check.
 *
 *   npm run load:gateway
 *   CLIENTS=50 SECONDS=30 RUNS=3 npm run load:gateway
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAccount } from "../mocks/data/account";
import { createHandlers } from "../mocks/handlers";
import { startStandIn } from "../server/testing/actiontrail-stand-in";

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 30);
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = Number(process.env.LOAD_GATEWAY_PORT ?? 4391);
const KEY = {
  accessKeyId: "LTAI5tLoadTestKey0001",
  accessKeySecret: `load-${randomBytes(12).toString("base64url")}`,
};
const TOKEN = randomBytes(24).toString("base64url");
const ROOT = resolve(import.meta.dirname, "..");
const BASE = `http://127.0.0.1:${PORT}`;
const MEMORY_FILE = join(
  tmpdir(),
  `trailscope-load-memory-${process.pid}.json`,
);
/**
 * Preloaded into the gateway's process: on SIGUSR2 it collects garbage and
 * writes process.memoryUsage(), so "after" readings are not just garbage
 * that happened not to be collected yet.
 */
const PROBE = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from "node:fs";
process.on("SIGUSR2", () => {
  globalThis.gc?.(); globalThis.gc?.();
  writeFileSync(${JSON.stringify(MEMORY_FILE)}, JSON.stringify(process.memoryUsage()));
});`,
)}`;
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + 5 });

/** What the console asks most: searches, trails, regions. */
const PATHS = process.env.ONLY
  ? [process.env.ONLY]
  : [
      "/api/cn-hangzhou/?Action=LookupEvents&Version=2020-07-06&MaxResults=20",
      "/api/cn-hangzhou/?Action=DescribeTrails&Version=2020-07-06",
      "/api/cn-shanghai/?Action=LookupEvents&Version=2020-07-06&MaxResults=50",
      "/api/cn-hangzhou/?Action=DescribeRegions&Version=2020-07-06",
    ];

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(
      `${BASE}${path}`,
      { method: options.method ?? "GET", headers: options.headers, agent },
      (res) => {
        res.resume();
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, headers: res.headers }),
        );
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

const rssOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
};
/** The gateway's CPU time so far (user + system), in ms: on a shared machine, per-request CPU says more than req/s. */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .split(") ")[1]!
    .split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
/** The gateway's memory after a full garbage collection. */
async function settledMemory(
  gateway: ChildProcess,
): Promise<{ rss: number; heapUsed: number }> {
  rmSync(MEMORY_FILE, { force: true });
  gateway.kill("SIGUSR2");
  for (let i = 0; i < 100; i++) {
    try {
      return JSON.parse(readFileSync(MEMORY_FILE, "utf8")) as {
        rss: number;
        heapUsed: number;
      };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error("the gateway did not report its memory");
}
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await send("/_gateway/health", {
      headers: { Host: `127.0.0.1:${PORT}` },
    }).then(
      (a) => a.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the gateway did not start");
}

async function signIn(): Promise<string> {
  const answer = await send("/_gateway/login", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: BASE,
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams({ token: TOKEN, next: "/" }).toString(),
  });
  const cookie = (answer.headers["set-cookie"] as string[] | undefined)?.[0];
  if (answer.status !== 303 || !cookie)
    throw new Error(`sign-in failed (${answer.status})`);
  return cookie.split(";")[0]!;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ??
  0;

async function run(gateway: ChildProcess, index: number) {
  const pid = gateway.pid!;
  const cookies = await Promise.all(
    Array.from({ length: CLIENTS }, () => signIn()),
  );
  const before = (await settledMemory(gateway)).rss;
  const cpuBefore = cpuMsOf(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 250);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    cookies.map(async (cookie, client) => {
      let n = client;
      while (performance.now() < until) {
        const t0 = performance.now();
        const answer = await send(PATHS[n++ % PATHS.length]!, {
          headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
        }).catch(() => ({ status: 0 }));
        latencies.push(performance.now() - t0);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuMsOf(pid) - cpuBefore;
  clearInterval(sampler);
  peak = Math.max(peak, rssOf(pid));
  // Let the gateway settle (sockets close, timers end) before the "after" reading.
  await new Promise((r) => setTimeout(r, 3000));
  const { rss: after, heapUsed } = await settledMemory(gateway);
  latencies.sort((a, b) => a - b);
  const ok = statuses.get(200) ?? 0;
  console.log(
    [
      `run ${index}: ${latencies.length} requests in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(0)} req/s`,
      `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
      `  gateway CPU ${(cpu / latencies.length).toFixed(2)} ms per request (${((100 * cpu) / 1000 / elapsed).toFixed(0)} % of one core)`,
      `  answers ${JSON.stringify(Object.fromEntries(statuses))} (${((100 * ok) / latencies.length).toFixed(2)} % 200)`,
      `  gateway RSS before ${mib(before)}, peak ${mib(peak)}, after ${mib(after)} (after GC; heap used ${mib(heapUsed)})`,
    ].join("\n"),
  );
  return { before, peak, after, heapUsed };
}

async function main() {
  const standIn = await startStandIn({
    handlers: createHandlers(
      createAccount({ scale: 0.1, latency: [0, 0], rateLimits: false }),
    ),
    keys: [KEY],
  });
  const staticDir = mkdtempSync(join(tmpdir(), "trailscope-load-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html>");
  const gateway = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      PROBE,
      "--import",
      "tsx",
      join(ROOT, "server", "cli.ts"),
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        PATH: process.env.PATH,
        GATEWAY_PORT: String(PORT),
        GATEWAY_TOKEN: TOKEN,
        GATEWAY_SKIP_BUILD: "1",
        GATEWAY_STATIC_DIR: staticDir,
        ACTIONTRAIL_ENDPOINT_TEMPLATE: standIn.endpointTemplate,
        ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
        ALIBABA_CLOUD_CREDENTIALS_FILE: "/nonexistent/trailscope-load",
      },
    },
  );
  try {
    await waitForHealth();
    console.log(
      `load:gateway — ${CLIENTS} clients (one session each) × ${SECONDS} s × ${RUNS} runs, gateway pid ${gateway.pid} on ${BASE}, stand-in ${standIn.endpointTemplate}`,
    );
    const results = [];
    for (let i = 1; i <= RUNS; i++) results.push(await run(gateway, i));
    const first = results[0]!.after;
    const last = results.at(-1)!.after;
    console.log(
      `RSS after each run: ${results.map((r) => mib(r.after)).join(" → ")} (last − first: ${mib(last - first)}); heap used after GC: ${results.map((r) => mib(r.heapUsed)).join(" → ")}`,
    );
  } finally {
    gateway.kill("SIGTERM");
    agent.destroy();
    await standIn.close();
    rmSync(staticDir, { recursive: true, force: true });
    rmSync(MEMORY_FILE, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
