/**
 * Trailscope's simulated ActionTrail account in the browser: a Mock Service
 * Worker answering `/api/<RegionId>/`, and the DemoControls the console shows
 * in mock mode (identity, faults, own data, reset).
 */
import { setupWorker } from "msw/browser";
import type { DemoControls, DemoIdentity } from "@/lib/demo-controls";
import { parseMockUrl } from "./browser-options";
import { createAccount, type KeyValueStorage } from "./data/account";
import {
  createDemoControls,
  IDENTITY_KEY,
  type BrowserDemoControls,
} from "./demo-controls";
import { indexedDbOwnDataStore } from "./data/own-data-store";
import { createHandlers } from "./handlers";
import { stampSendTimes } from "./sent-at";
import { ignoreWorkerUpdateFailure } from "./worker-update-failure";

function browserStorage(): KeyValueStorage | undefined {
  try {
    const probe = "__trailscope_probe__";
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return undefined;
  }
}

export async function startMockWorker(): Promise<DemoControls> {
  const options = parseMockUrl(location.search);
  const storage = browserStorage();
  const storedIdentity = storage?.getItem(IDENTITY_KEY);
  const identity: DemoIdentity =
    options.identity ?? (storedIdentity === "auditor" ? "auditor" : "admin");
  if (options.identity) storage?.setItem(IDENTITY_KEY, options.identity);

  const account = createAccount({
    scale: options.scale ?? 1,
    latency: options.latency ?? [80, 250],
    faults: options.faults,
    identity,
    storage,
  });
  if (options.failRegions) account.failRegions = options.failRegions;

  const worker = setupWorker(...createHandlers(account));
  // msw calls registration.update() without awaiting it; after a quick reload
  // the registration may be gone and that promise rejects ("Failed to update
  // a ServiceWorker … Not found"). The running worker keeps answering, so
  // exactly that rejection is handled here instead of becoming a page error.
  addEventListener("unhandledrejection", ignoreWorkerUpdateFailure);
  // Rate limits count calls by when they were sent, not by when this thread
  // got round to answering them (see sent-at.ts).
  stampSendTimes();
  await worker.start({
    onUnhandledRequest: "bypass",
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });

  const controls = createDemoControls(account, storage, ownDataStore());
  await restoreOwnEvents(controls);
  const loadOwnEvents = controls.loadOwnEvents;

  if (options.dataset) {
    const url = new URL(options.dataset, location.href);
    if (url.origin !== location.origin) {
      console.warn(`[mock] dataset ignored: ${url.href} is not on this origin`);
    } else {
      try {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await loadOwnEvents(
          await response.blob(),
          decodeURIComponent(url.pathname.split("/").pop() ?? "dataset"),
        );
      } catch (error) {
        console.error(`[mock] could not load dataset ${url.href}`, error);
      }
    }
  }

  return controls;
}

/** IndexedDB for the visitor's own events, when this browser offers it. */
function ownDataStore() {
  try {
    return indexedDbOwnDataStore();
  } catch {
    return undefined;
  }
}

/**
 * Brings back the events file the visitor loaded on an earlier visit, before
 * the console renders, so a reload or a full page load keeps their data.
 */
async function restoreOwnEvents(controls: BrowserDemoControls): Promise<void> {
  try {
    await controls.restoreOwnEvents();
  } catch (error) {
    console.error("[mock] kept events could not be restored", error);
  }
}
