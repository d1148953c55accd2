/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { contentSecurityPolicy } from "./server/security-headers";

// The Content-Security-Policy Trailscope is served with, here (preview) and by
// the live gateway: one definition, in server/security-headers.ts.
const securityHeaders = {
  "Content-Security-Policy": contentSecurityPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export default defineConfig(({ command }) => ({
  plugins: [react()],
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
  // Source maps for the mock build only: the live gateway never needs them (and serves
  // them only with GATEWAY_SERVE_SOURCEMAPS=1).
  build: {
    sourcemap: process.env.VITE_API_MODE !== "live",
    chunkSizeWarningLimit: 900,
  },
  worker: { format: "es" },
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
