import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRequestScheduler } from "./scheduler";

const maxInAnySecond = (starts: number[]): number => {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i] ?? 0;
    const within = sorted.filter((t) => t >= first && t < first + 1000).length;
    max = Math.max(max, within);
  }
  return max;
};

describe("createRequestScheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never starts more than 10 requests in any one-second window", async () => {
    const scheduler = createRequestScheduler({
      perSecond: 10,
      concurrency: 50,
      now: () => Date.now(),
    });
    const starts: number[] = [];
    const tasks = Array.from({ length: 95 }, () =>
      scheduler.run(async () => {
        starts.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 30));
      }),
    );
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(tasks);
    expect(starts).toHaveLength(95);
    expect(maxInAnySecond(starts)).toBeLessThanOrEqual(10);
    // …and it does use the budget: 95 requests take about 9 seconds, not longer.
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(10_000);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const scheduler = createRequestScheduler({
      perSecond: 100,
      concurrency: 3,
    });
    let inFlight = 0;
    let peak = 0;
    const tasks = Array.from({ length: 12 }, () =>
      scheduler.run(async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight--;
      }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(tasks);
    expect(peak).toBe(3);
  });

  it("stops waiting requests when cancelled", async () => {
    const scheduler = createRequestScheduler({ perSecond: 1, concurrency: 5 });
    const controller = new AbortController();
    const ran: number[] = [];
    const results = Array.from({ length: 3 }, (_, i) =>
      scheduler
        .run(() => {
          ran.push(i);
          return Promise.resolve();
        }, controller.signal)
        .then(
          () => "done",
          (error: unknown) => (error as Error).name,
        ),
    );
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await Promise.all(results)).toEqual([
      "done",
      "AbortError",
      "AbortError",
    ]);
    expect(ran).toEqual([0]);
  });
});
