import { describe, expect, it, vi } from "vitest";
import {
  createRateLimiter,
  loadPages,
  LOOKUP_EVENTS_WINDOW_MS,
} from "./rate-limiter";

describe("createRateLimiter", () => {
  it("lets at most N starts through in any second", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const limiter = createRateLimiter(3, () => Date.now());
      await Promise.all([
        limiter.acquire(),
        limiter.acquire(),
        limiter.acquire(),
      ]);
      let fourth = false;
      const waiting = limiter.acquire().then(() => (fourth = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(fourth).toBe(false);
      await vi.advanceTimersByTimeAsync(2);
      await waiting;
      expect(fourth).toBe(true);
      expect(Date.now()).toBe(1001);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts over a longer window when given one (10 in any 1.1 s)", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimiter(10, () => Date.now(), 1100);
      const starts: number[] = [];
      const all = Array.from({ length: 30 }, () =>
        limiter.acquire().then(() => starts.push(Date.now())),
      );
      await vi.advanceTimersByTimeAsync(5000);
      await Promise.all(all);
      expect(starts).toHaveLength(30);
      for (let i = 10; i < starts.length; i++)
        expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(1100);
      // …and uses its budget: the 30th start comes in the third window.
      expect(starts[29]! - starts[0]!).toBeLessThan(3 * 1100);
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps LookupEvents within 97 % of its 10 calls a second, and under it in every second", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createRateLimiter(
        10,
        () => Date.now(),
        LOOKUP_EVENTS_WINDOW_MS,
      );
      const starts: number[] = [];
      const t0 = Date.now();
      const all = Array.from({ length: 200 }, () =>
        limiter.acquire().then(() => starts.push(Date.now() - t0)),
      );
      await vi.advanceTimersByTimeAsync(30_000);
      await Promise.all(all);
      for (let i = 10; i < starts.length; i++)
        expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(1000);
      // 200 calls: the last starts in the 20th window, at 9.7 calls a second or more.
      expect(200 / ((starts.at(-1)! + 1000) / 1000)).toBeGreaterThanOrEqual(
        9.7,
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops waiting when aborted", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const limiter = createRateLimiter(1, () => Date.now());
      await limiter.acquire();
      const controller = new AbortController();
      const waiting = limiter.acquire(controller.signal);
      await vi.advanceTimersByTimeAsync(500);
      controller.abort();
      await expect(waiting).rejects.toThrow(/Abort/);
      // No timer is left to fire after the abort.
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("loadPages", () => {
  it("follows NextToken to the last page", async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      "": { items: [1, 2], nextToken: "b" },
      b: { items: [3] },
    };
    const r = await loadPages(
      (token) => Promise.resolve(pages[token ?? ""]!),
      10,
    );
    expect(r).toEqual({ items: [1, 2, 3], truncated: false, pages: 2 });
  });

  it("stops at the cap and says so", async () => {
    const r = await loadPages(
      () => Promise.resolve({ items: [1, 2, 3], nextToken: "more" }),
      5,
    );
    expect(r).toEqual({ items: [1, 2, 3, 1, 2], truncated: true, pages: 2 });
  });
});
