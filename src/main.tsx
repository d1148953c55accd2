import "./lib/zod-jitless";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { fetchGatewayInfo } from "@/api/client";
import { initSession } from "@/stores/session-store";
import { App } from "./app/app";
import "./app/styles.css";

/**
 * Mock mode (the default) starts the simulated account in a service worker
 * before the first render; live mode (`VITE_API_MODE=live`) talks to the
 * signing gateway and never loads the mock code.
 */
async function start() {
  const mode = import.meta.env.VITE_API_MODE === "live" ? "live" : "mock";
  if (mode === "mock") {
    const { startMockWorker } = await import("../mocks/browser");
    initSession("mock", await startMockWorker());
  } else {
    initSession("live", undefined, await fetchGatewayInfo());
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("Trailscope needs a #root element");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const root = document.getElementById("root");
  if (root) {
    root.textContent = `Trailscope could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  console.error(error);
});
