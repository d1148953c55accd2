import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  LIVE_ACCOUNT_LABEL,
  LIVE_GATEWAY_TOKEN,
} from "./e2e/pages/live-gateway";

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
// Live mode (E2E_LIVE=1, set by `npm run e2e`): the console built with
// VITE_API_MODE=live, served by the signing gateway (server/) in front of a
// signature-checking ActionTrail stand-in on loopback. Off by default so a
// targeted run of a mock-mode spec starts only its own server.
const live = process.env.E2E_LIVE === "1";
const livePort = Number(process.env.E2E_LIVE_PORT ?? 4184);
const liveStandInPort = Number(
  process.env.E2E_LIVE_STAND_IN_PORT ?? livePort + 1,
);
const liveOutDir = `.e2e-build/${livePort}-live`;
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // One output folder per port, so suites run side by side do not collide.
  outputDir: `test-results/e2e-${port}`,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  // The longest journeys (axe over the insights screen in two themes) take
  // about 40 s on a 2-core machine: room to spare on a slower one.
  timeout: 120_000,
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
      testIgnore: /live.*\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
      },
    },
    ...(live
      ? [
          {
            name: "live",
            testMatch: /live.*\.spec\.ts$/,
            use: {
              ...devices["Desktop Chrome"],
              viewport: { width: 1440, height: 900 },
              baseURL: `http://127.0.0.1:${livePort}`,
            },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}/events`,
      reuseExistingServer: !process.env.CI && process.env.E2E_REUSE === "1",
      timeout: 180_000,
      env: { VITE_API_MODE: "mock" },
    },
    ...(live
      ? [
          {
            command: `npx vite build --outDir ${liveOutDir} --emptyOutDir --logLevel warn && npx tsx server/testing/live-e2e-server.ts`,
            url: `http://127.0.0.1:${livePort}/_gateway/health`,
            reuseExistingServer:
              !process.env.CI && process.env.E2E_REUSE === "1",
            timeout: 180_000,
            env: {
              VITE_API_MODE: "live",
              GATEWAY_PORT: String(livePort),
              STAND_IN_PORT: String(liveStandInPort),
              GATEWAY_STATIC_DIR: liveOutDir,
              GATEWAY_TOKEN: LIVE_GATEWAY_TOKEN,
              GATEWAY_ACCOUNT_LABEL: LIVE_ACCOUNT_LABEL,
              // Test-only credentials the stand-in knows; the chain reads nothing else.
              ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tE2eStandInKey01",
              ALIBABA_CLOUD_ACCESS_KEY_SECRET: "e2e-stand-in-secret-7Qm2Lx9v",
              ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
              ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
              ALIBABA_CLOUD_CREDENTIALS_FILE: "/nonexistent/trailscope-e2e",
            },
          },
        ]
      : []),
  ],
});
