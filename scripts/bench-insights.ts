/**
 * Insights first content after navigation (issue 17: ≤ 2 s per view, production
 * build, the simulated account's default scale). For each view — Overview,
 * Field statistics, Findings — a fresh browser context opens the event search,
 * waits for its first row, then navigates inside the app (as a link would) and
 * times until the view's first real content is on screen: a chart drawn with
 * data, a table row of values, the first finding. Median of 5 runs after a
 * warm-up, each run listed.
 *
 * Called from scripts/bench.ts (`benchInsights`), or alone:
 * `npx tsx scripts/bench-insights.ts` builds the mock-mode console into
 * .bench/mock (BENCH_NO_BUILD=1 reuses it), serves it on BENCH_PORT (default
 * 4199) and prints the figures. BENCH_INSIGHTS_VIEWS=Overview,Findings picks views.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

/** A view of Insights and what counts as its first real content. */
const VIEWS = [
  {
    name: "Overview",
    path: "/insights",
    content:
      ".chart-frame .recharts-bar-rectangle, .chart-frame .recharts-sector",
  },
  {
    // The overview's own chart of the loaded events (the first chart above may be the 90-day volume).
    name: "Overview, events over time",
    path: "/insights",
    content: '[data-testid="events-histogram"] .recharts-bar-rectangle',
  },
  {
    name: "Field statistics",
    path: "/insights/fields",
    content: "table.field-values tbody tr",
  },
  {
    name: "Findings",
    path: "/insights/findings",
    content: ".detection-card",
  },
] as const;

const RUNS = 5;
const TARGET_MS = 2000;

export interface InsightsFigure {
  view: string;
  median: number;
  runs: number[];
}

type Record = (
  metric: string,
  value: string,
  target?: string,
  ok?: boolean,
) => void;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** One run: the event search's first row, then in-app navigation → the view's first content (ms). */
async function firstContent(
  browser: Browser,
  base: string,
  view: (typeof VIEWS)[number],
): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
  });
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/events?region=cn-hangzhou`);
    await page
      .locator('[role="grid"] [role="row"][aria-rowindex="2"]')
      .waitFor({ timeout: 30_000 });
    await page.evaluate(
      ({ path, content }) => {
        const w = window as unknown as { __shown?: number };
        const shown = () =>
          [...document.querySelectorAll(content)].some(
            (el) => el.getBoundingClientRect().height > 0,
          );
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (w.__shown === undefined && shown()) {
            w.__shown = performance.now() - t0;
            observer.disconnect();
          }
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
        });
        // In-app navigation, as the header's link or a view's tab does it.
        history.pushState(null, "", `${path}?region=cn-hangzhou`);
        dispatchEvent(new PopStateEvent("popstate"));
      },
      { path: view.path, content: view.content },
    );
    await page.waitForFunction(
      () => (window as unknown as { __shown?: number }).__shown !== undefined,
      null,
      { timeout: 180_000, polling: 50 },
    );
    return await page.evaluate(
      () => (window as unknown as { __shown: number }).__shown,
    );
  } finally {
    await context.close();
  }
}

/** Insights' three views, each timed from navigation to its first content; recorded in the bench's table. */
export async function benchInsights(
  browser: Browser,
  base: string,
  record: Record,
): Promise<InsightsFigure[]> {
  console.log(
    "\n# Insights: navigation from the event search → first content (default scale)",
  );
  const figures: InsightsFigure[] = [];
  // BENCH_INSIGHTS_VIEWS=Overview,Findings measures only those views (by name prefix).
  const only = process.env.BENCH_INSIGHTS_VIEWS?.split(",");
  for (const view of VIEWS) {
    if (only && !only.some((name) => view.name.startsWith(name))) continue;
    await firstContent(browser, base, view); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await firstContent(browser, base, view));
    const m = median(runs);
    figures.push({ view: view.name, median: m, runs });
    record(
      `Insights ${view.name}: navigation → first content (median of ${RUNS})`,
      `${m.toFixed(0)} ms (runs: ${runs.map((x) => x.toFixed(0)).join(", ")})`,
      "≤ 2000 ms",
      m <= TARGET_MS,
    );
  }
  return figures;
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 4199);
  const outDir = ".bench/mock";
  if (process.env.BENCH_NO_BUILD !== "1" || !existsSync(outDir)) {
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
  const server = spawn(
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
  const base = `http://127.0.0.1:${port}`;
  const chromiumPath =
    process.env.CHROMIUM_PATH ??
    (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 100) throw new Error("vite preview did not start");
      await new Promise((r) => setTimeout(r, 200));
    }
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      const figures = await benchInsights(browser, base, (m, v, t, ok) =>
        console.log(
          `  ${m}: ${v}${t ? `  (target ${t}: ${ok ? "met" : "NOT met"})` : ""}`,
        ),
      );
      console.log(`RESULT ${JSON.stringify(figures)}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

if (process.argv[1]?.endsWith("bench-insights.ts"))
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
