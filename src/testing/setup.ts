import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { installAccount, server, TEST_NOW } from "@mocks/node";
import { configureClient, resetClientConfig } from "@/api/client";
import { activateLocale } from "@/components/i18n/i18n";
import { usePrefsStore } from "@/stores/prefs-store";
import { resetAllStores } from "./zustand-reset";

// Every zustand store is reset between tests (see zustand-reset.ts).
// (Imported inside the factory: vi.mock is hoisted above this file's imports.)
vi.mock("zustand", async (importOriginal) => {
  const { trackedZustand } = await import("./zustand-reset");
  return trackedZustand(await importOriginal<typeof import("zustand")>());
});

// Every test runs on a fixed clock (TEST_NOW, a Monday), which moves on with
// real time so rate limits and timeouts still work; only Date is faked.
// Every test gets a fresh simulated account (msw/node) and a client whose
// backoff is short, so retries are exercised without slowing the suite.
const freezeClock = () =>
  vi.useFakeTimers({
    toFake: ["Date"],
    now: TEST_NOW,
    shouldAdvanceTime: true,
  });
freezeClock();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(async () => {
  // Back to TEST_NOW on the same fake clock (a new clock would strand the
  // Date.now a module captured in an earlier test), or a new one if a test
  // went back to real timers.
  if (vi.isFakeTimers()) vi.setSystemTime(TEST_NOW);
  else freezeClock();
  localStorage.clear();
  sessionStorage.clear();
  resetAllStores();
  // Tests read the console in English unless they switch language.
  usePrefsStore.setState({ locale: "en-US" });
  await activateLocale("en-US");
  installAccount();
  configureClient({ retry: { baseDelayMs: 2, capDelayMs: 10 } });
});
afterEach(() => {
  cleanup();
  resetClientConfig();
});
afterAll(() => server.close());

// jsdom lacks a few browser APIs the console uses.
if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  window.HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  // <dialog> in jsdom has no showModal.
  window.HTMLDialogElement.prototype.showModal ??= function showModal(
    this: HTMLDialogElement,
  ) {
    this.setAttribute("open", "");
  };
  window.HTMLDialogElement.prototype.close ??= function close(
    this: HTMLDialogElement,
  ) {
    this.removeAttribute("open");
  };
}
