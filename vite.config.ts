/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import { lingui } from "@lingui/vite-plugin";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { linguiMacros } from "./scripts/vite-lingui-macro";
import { contentSecurityPolicy } from "./server/security-headers";

// The Content-Security-Policy Trailscope is served with, here (preview) and by
// the live gateway: one definition, in server/security-headers.ts.
const securityHeaders = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export default defineConfig(({ command }) => ({
  // Lingui: macros expanded at build time, catalogs (src/locales/*.po)
  // compiled at build time; a missing translation fails the build.
  plugins: [linguiMacros(), react(), lingui({ failOnMissing: true })],
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      "@mocks": fileURLToPath(new URL("./mocks", import.meta.url)),
    },
  },
  server: {
    port: 5173,
    // The dev server injects React Refresh inline, so it cannot carry the strict CSP.
    headers: command === "serve" ? { "X-Content-Type-Options": "nosniff" } : {},
  },
  preview: { port: 4173, headers: securityHeaders },
  build: {
    // Source maps for the mock build only: the live gateway never needs them
    // (and serves them only with GATEWAY_SERVE_SOURCEMAPS=1).
    sourcemap: process.env.VITE_API_MODE !== "live",
    chunkSizeWarningLimit: 900,
    // zod and src/lib/zod-jitless.ts share one chunk, so zod is configured
    // (no JIT) as soon as it is loaded, before any chunk builds a schema:
    // otherwise zod probes `new Function` and the CSP (no 'unsafe-eval')
    // reports a violation, whichever way the other modules are split.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "zod",
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-jitless\.ts$/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  // Workers are bundled apart: the detectors they run write their words
  // with Lingui's msg macro, so the macros are expanded there too.
  worker: { format: "es", plugins: () => [linguiMacros()] },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/testing/setup.ts"],
    include: [
      "src/**/*.test.{ts,tsx}",
      "mocks/**/*.test.ts",
      "scripts/**/*.test.ts",
      "server/**/*.test.ts",
    ],
    testTimeout: 20_000,
    restoreMocks: true,
    reporters: ["default", ["json", { outputFile: "reports/unit.json" }]],
  },
}));
