import { afterEach, describe, expect, it, vi } from "vitest";
import { startMockWorker } from "./browser";
import { ignoreWorkerUpdateFailure } from "./worker-update-failure";

vi.mock("msw/browser", () => ({
  setupWorker: () => ({
    // The worker starts; its floating registration.update() is simulated below.
    start: () => Promise.resolve(),
  }),
}));

function rejection(reason: unknown): PromiseRejectionEvent {
  const event = new Event("unhandledrejection", {
    cancelable: true,
  }) as PromiseRejectionEvent;
  Object.defineProperty(event, "reason", { value: reason });
  return event;
}

const updateFailure = new DOMException(
  "Failed to update a ServiceWorker for scope ('http://localhost/') with script ('http://localhost/mockServiceWorker.js'): Not found",
  "InvalidStateError",
);

afterEach(() =>
  removeEventListener("unhandledrejection", ignoreWorkerUpdateFailure),
);

describe("starting the mock service worker", () => {
  it("handles msw's failed worker update on a quick reload, so it is no page error", async () => {
    history.replaceState(null, "", "/events?mock-scale=0.01&mock-latency=0-0");
    await startMockWorker();
    const event = rejection(updateFailure);
    dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it("leaves every other rejection alone", async () => {
    history.replaceState(null, "", "/events?mock-scale=0.01&mock-latency=0-0");
    await startMockWorker();
    for (const reason of [
      new Error("Failed to fetch"),
      new TypeError("x is undefined"),
      "Failed to update a ServiceWorker",
    ]) {
      const event = rejection(reason);
      dispatchEvent(event);
      expect(event.defaultPrevented).toBe(false);
    }
  });
});
