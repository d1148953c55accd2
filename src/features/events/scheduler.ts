import {
  createRateLimiter,
  lookupEventsLimiter,
  type RateLimiter,
} from "@/lib/rate-limiter";

/**
 * Runs LookupEvents requests in parallel without breaking the service's limit
 * (10 requests per second per account): a sliding-window limiter (at most
 * `perSecond` starts in any second) plus a cap on requests in flight. Every
 * loader of the event search (pages, Load all, All regions, export) shares
 * one scheduler, so together they stay under the limit.
 */
export interface RequestScheduler {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface SchedulerOptions {
  perSecond?: number;
  concurrency?: number;
  now?: () => number;
  limiter?: RateLimiter;
}

export function createRequestScheduler({
  perSecond = 8,
  concurrency = 6,
  now = Date.now,
  limiter = createRateLimiter(perSecond, now),
}: SchedulerOptions = {}): RequestScheduler {
  let active = 0;
  const waiting: Array<() => void> = [];
  const slot = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (active < concurrency) {
        active++;
        resolve();
        return;
      }
      const onAbort = () => {
        const at = waiting.indexOf(grant);
        if (at >= 0) waiting.splice(at, 1);
        reject(new DOMException("Aborted", "AbortError"));
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        active++;
        resolve();
      };
      waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    async run(task, signal) {
      if (signal?.aborted) throw new DOMException("Aborted", "AbortError");
      await slot(signal);
      try {
        await limiter.acquire(signal);
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** The one scheduler of the event search, on the account-wide LookupEvents limiter. */
export const lookupScheduler = createRequestScheduler({
  concurrency: 6,
  limiter: lookupEventsLimiter,
});
