import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys in real Chromium against the built console in mock mode
 * (the simulated account in a real service worker), served by `vite preview`
 * with the production Content-Security-Policy.
 *
 * Chromium: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium when present,
 * else Playwright's own browser (`npx playwright install chromium`).
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `.e2e-build/${port}`;
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Shanghai",
    locale: "en-US",
    permissions: ["clipboard-read", "clipboard-write"],
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
      },
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/events`,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE === "1",
    timeout: 180_000,
    env: { VITE_API_MODE: "mock" },
  },
});
