import { test as base, expect, type Page } from "@playwright/test";

/**
 * Trailscope's end-to-end fixtures. The automatic `guard` fixture fails a test
 * on anything a user should never meet: an uncaught page error, a
 * Content-Security-Policy violation, a script dialog, or a payload from event
 * data that managed to run (`window.__pwned`).
 */
export interface Guard {
  /** Errors the test expects (e.g. a failing request it provoked). */
  allowConsoleError(pattern: RegExp): void;
}

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

/**
 * The instant every journey starts at (Monday 2026-11-23, 11:00 Beijing
 * time): the page's clock, and so the simulated account's, starts here and
 * runs on, so no journey depends on the day it runs. A journey about time
 * sets its own with `test.use({ startTime })` or moves it with `page.clock`.
 */
export const E2E_NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

export const test = base.extend<{
  guard: Guard;
  startTime: number | null;
  fixedClock: void;
}>({
  startTime: [E2E_NOW, { option: true }],
  fixedClock: [
    async ({ page, startTime }, use) => {
      if (startTime !== null) await page.clock.install({ time: startTime });
      await use();
    },
    { auto: true },
  ],
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", (event) => {
          window.__cspViolations?.push(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      page.on("pageerror", (error) =>
        problems.push(`page error: ${error.message}`),
      );
      page.on("dialog", (dialog) => {
        problems.push(
          `script dialog opened: ${dialog.type()} ${dialog.message()}`,
        );
        void dialog.dismiss();
      });
      await use({ allowConsoleError: () => undefined });
      if (!page.isClosed()) {
        const state = await page
          .evaluate(() => ({
            pwned: window.__pwned,
            csp: window.__cspViolations ?? [],
          }))
          .catch(() => ({ pwned: undefined, csp: [] as string[] }));
        if (state.pwned !== undefined)
          problems.push(
            `a payload ran: window.__pwned = ${JSON.stringify(state.pwned)}`,
          );
        for (const violation of state.csp)
          problems.push(`CSP violation: ${violation}`);
      }
      expect(problems, "the page stayed safe and error-free").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the console on the simulated account and waits for the mock worker to answer. */
export async function openConsole(page: Page, path = "/events"): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("banner")).toBeVisible();
}
