import "./lib/zod-jitless";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { fetchGatewayInfo } from "@/api/client";
import { activateLocale } from "@/components/i18n/i18n";
import { usePrefsStore } from "@/stores/prefs-store";
import { initSession } from "@/stores/session-store";
import { App } from "./app/app";
import { routes } from "./app/router";
import "./app/styles.css";

/**
 * Mock mode (the default) starts the simulated account in a service worker
 * before the first render; live mode (`VITE_API_MODE=live`) talks to the
 * signing gateway and never loads the mock code.
 */
async function start() {
  // The router fetches the code of the screen being opened at once, while the
  // simulated account (or the gateway's answer) is still on its way.
  const router = createBrowserRouter(routes);
  const mode = import.meta.env.VITE_API_MODE === "live" ? "live" : "mock";
  // The chosen language's catalog loads beside the account; it sets <html lang>.
  const language = activateLocale(usePrefsStore.getState().locale);
  if (mode === "mock") {
    const { startMockWorker } = await import("../mocks/browser");
    initSession("mock", await startMockWorker());
  } else {
    initSession("live", undefined, await fetchGatewayInfo());
  }
  await language;
  const root = document.getElementById("root");
  if (!root) throw new Error("Trailscope needs a #root element");
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
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
