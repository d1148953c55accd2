import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { installAccount, server } from "@mocks/node";
import { configureClient, resetClientConfig } from "@/api/client";
import { activateLocale } from "@/components/i18n/i18n";
import { usePrefsStore } from "@/stores/prefs-store";

// Every test gets a fresh simulated account (msw/node) and a client whose
// backoff is short, so retries are exercised without slowing the suite.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(async () => {
  // Tests read the console in English unless they switch language.
  usePrefsStore.setState({ locale: "en-US" });
  await activateLocale("en-US");
  installAccount();
  configureClient({ retry: { baseDelayMs: 2, capDelayMs: 10 } });
  localStorage.clear();
  sessionStorage.clear();
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
