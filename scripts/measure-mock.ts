/**
 * Measures Trailscope's simulated account: generation time, memory, and
 * LookupEvents latency (through msw, as the console calls it) at the default
 * scale and at two million events. Run: `npm run measure:mock`
 * (add `node --expose-gc` via `NODE_OPTIONS=--expose-gc` for heap numbers).
 */
import { setupServer } from "msw/node";
import { createAccount, type Account } from "../mocks/data/account";
import { EVENTS_AT_SCALE_1 } from "../mocks/data/generator";
import { INCIDENTS } from "../mocks/data/incidents";
import { REGION_IDS } from "../mocks/data/regions";
import { createHandlers } from "../mocks/handlers";

const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const DAY = 86_400_000;
const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const gc = (globalThis as { gc?: () => void }).gc;

function memory(): { value: number; kind: string } {
  if (gc) {
    gc();
    gc();
    // Typed-array columns live outside the JS heap: count both.
    const m = process.memoryUsage();
    return { value: m.heapUsed + m.arrayBuffers, kind: "heap+buffers" };
  }
  return { value: process.memoryUsage().rss, kind: "rss" };
}

type Query = { region: string; params: Record<string, string>; pages?: number };

function queries(account: Account): Query[] {
  const q: Query[] = [];
  const attr = (...pairs: [string, string][]) =>
    Object.fromEntries(
      pairs.flatMap(([k, v], i) => [
        [`LookupAttribute.${i + 1}.Key`, k],
        [`LookupAttribute.${i + 1}.Value`, v],
      ]),
    );
  const win = (fromDays: number, toDays: number) => ({
    StartTime: iso(NOW - fromDays * DAY),
    EndTime: iso(NOW - toDays * DAY),
  });
  for (const region of [
    "cn-hangzhou",
    "cn-shanghai",
    "ap-southeast-1",
    "eu-west-1",
  ])
    q.push({ region, params: {} });
  for (const [a, b] of [
    [30, 0],
    [60, 30],
    [89, 60],
    [1, 0],
    [8, 7],
  ] as const)
    q.push({
      region: "cn-hangzhou",
      params: { ...win(a, b), MaxResults: "50" },
    });
  q.push({
    region: "cn-hangzhou",
    params: { ...win(30, 0), Direction: "FORWARD", MaxResults: "50" },
  });
  const filters: [string, string][][] = [
    [["User", "li.wei"]],
    [["User", "zhou.xin"]],
    [["EventName", "StopInstance"]],
    [
      ["ServiceName", "Rds"],
      ["EventName", "RestartDBInstance"],
    ],
    [
      ["ServiceName", "Ecs"],
      ["EventRW", "Write"],
    ],
    [["EventRW", "Write"]],
    [["EventType", "ConsoleOperation"]],
    [
      ["EventType", "ConsoleOperation"],
      ["EventName", "StopInstance"],
    ],
    [["ResourceType", "ACS::RDS::DBInstance"]],
    [["ResourceName", INCIDENTS.stoppedProdInstance.instanceId]],
    [
      ["ResourceName", INCIDENTS.rdsResize.dbInstanceId],
      ["ServiceName", "Rds"],
    ],
    [["SourceIpAddress", "203.0.113.24"]],
    [["SourceIpAddress", "185.220.101.34"]],
    [["EventAccessKeyId", INCIDENTS.leakedAccessKey.accessKeyId]],
    [["EventAccessKeyId", "LTAI5tPromExporter6Y"]],
    [["SensitiveAction", "true"]],
    [["RoleName", "ReadOnlyScanner"]],
    [["EventId", account.incidentEventId("b-stop") ?? ""]],
    [["User", "nobody-at-all"]],
  ];
  for (const f of filters) {
    q.push({
      region: "cn-hangzhou",
      params: { ...attr(...f), MaxResults: "50" },
    });
    q.push({
      region: "cn-hangzhou",
      params: { ...attr(...f), ...win(30, 0), MaxResults: "20" },
    });
  }
  q.push({ region: "cn-hangzhou", params: { MaxResults: "50" }, pages: 5 });
  q.push({
    region: "ap-southeast-1",
    params: { ...attr(["ServiceName", "Ram"]), MaxResults: "50" },
    pages: 3,
  });
  return q;
}

async function lookup(
  region: string,
  params: Record<string, string>,
): Promise<{ ms: number; token: string | undefined }> {
  const search = new URLSearchParams({
    Action: "LookupEvents",
    Version: "2020-07-06",
    ...params,
  });
  const t = performance.now();
  const response = await fetch(
    `http://localhost/api/${region}/?${search.toString()}`,
  );
  const body = (await response.json()) as {
    NextToken?: string;
    Code?: string;
    Message?: string;
  };
  const ms = performance.now() - t;
  if (!response.ok)
    throw new Error(`${body.Code}: ${body.Message} (${search.toString()})`);
  return { ms, token: body.NextToken };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ??
  NaN;

async function measure(label: string, scale: number) {
  const before = memory();
  const t0 = performance.now();
  const account = createAccount({
    now: NOW,
    scale,
    latency: [0, 0],
    rateLimits: false,
  });
  const tCreate = performance.now() - t0;
  const tHz0 = performance.now();
  account.store("cn-hangzhou");
  const tHz = performance.now() - tHz0;
  let total = 0;
  const tAll0 = performance.now();
  for (const region of REGION_IDS) total += account.store(region).size;
  const tAll = tHz + (performance.now() - tAll0);
  const after = memory();

  const server = setupServer(...createHandlers(account));
  server.listen({ onUnhandledRequest: "error" });
  const times: number[] = [];
  try {
    // Warm up once.
    await lookup("cn-hangzhou", {});
    for (const query of queries(account)) {
      let token: string | undefined;
      for (let page = 0; page < (query.pages ?? 1); page++) {
        const r = await lookup(
          query.region,
          token ? { ...query.params, NextToken: token } : query.params,
        );
        times.push(r.ms);
        token = r.token;
        if (!token) break;
      }
    }
  } finally {
    server.close();
  }
  times.sort((a, b) => a - b);
  return {
    label,
    events: total,
    hangzhou: account.store("cn-hangzhou").size,
    createMs: tCreate,
    hangzhouMs: tHz,
    allRegionsMs: tAll,
    memMB: (after.value - before.value) / 1_048_576,
    memKind: after.kind,
    queries: times.length,
    median: pct(times, 50),
    p95: pct(times, 95),
    max: times[times.length - 1] ?? NaN,
  };
}

const rows = [
  await measure("default (scale 1)", 1),
  await measure("2,000,000 events", 2_020_000 / EVENTS_AT_SCALE_1),
];
const f = (n: number, d = 1) => n.toFixed(d);
console.log(
  `\nTrailscope simulated account — ${new Date(NOW).toISOString()} — Node ${process.version}\n`,
);
console.log(
  "| dataset | events | cn-hangzhou | createAccount ms | gen cn-hangzhou ms | gen all regions ms | memory MB | LookupEvents n | median ms | p95 ms | max ms |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.events.toLocaleString("en-US")} | ${r.hangzhou.toLocaleString("en-US")} | ${f(r.createMs)} | ${f(r.hangzhouMs)} | ${f(r.allRegionsMs)} | ${f(r.memMB)} (${r.memKind}) | ${r.queries} | ${f(r.median, 2)} | ${f(r.p95, 2)} | ${f(r.max, 2)} |`,
  );
}
