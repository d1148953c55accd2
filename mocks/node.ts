/**
 * Trailscope's simulated account in Node (vitest): one msw server, and
 * `installAccount()` to give each test a fresh, small, fast account.
 */
import { setupServer } from "msw/node";
import {
  createAccount,
  floorToMinute,
  type Account,
  type AccountOptions,
} from "./data/account";
import { createHandlers } from "./handlers";

export const server = setupServer();

/** The scale of a test account: a few thousand events, generated in milliseconds. */
export const TEST_SCALE = 0.01;
export const TEST_SEED = 20261123;
/**
 * The instant every test runs at (Monday 2026-11-23, 11:00 Beijing time):
 * setup.ts freezes the clock here, and the test account's `now` defaults to
 * it, so no test depends on today's date or weekday. Tests about "now" set
 * their own with `vi.setSystemTime` and `installAccount({ now })`.
 */
export const TEST_NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

/**
 * Creates a fresh test account (latency 0, fixed seed, `now` = the test
 * clock's current minute unless given, small scale) and makes the server
 * answer with it.
 */
export function installAccount(options: Partial<AccountOptions> = {}): Account {
  const account = createAccount({
    seed: TEST_SEED,
    now: floorToMinute(Date.now()),
    scale: TEST_SCALE,
    latency: [0, 0],
    ...options,
  });
  server.resetHandlers(...createHandlers(account));
  return account;
}
