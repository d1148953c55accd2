import { describe, expect, it } from "vitest";
import { SlidingRateLimiter } from "./rate-limit";

describe("SlidingRateLimiter", () => {
  it("lets no more than N calls through in any 1000 ms, even across a second boundary", () => {
    let now = 1_795_415_400_500; // half a second into a calendar second
    const limiter = new SlidingRateLimiter(() => now);
    // A burst of 25 calls, 20 ms apart, straddling the boundary at …401000.
    const passed: number[] = [];
    for (let n = 0; n < 25; n++) {
      if (limiter.take("LookupEvents", 10)) passed.push(now);
      now += 20;
    }
    expect(passed).toHaveLength(10);
    // Every 1000 ms window holds at most 10 of the calls let through.
    for (const start of passed)
      expect(
        passed.filter((t) => t >= start && t < start + 1000).length,
      ).toBeLessThanOrEqual(10);
  });

  it("frees a place exactly 1000 ms after a call passed, and counts actions apart", () => {
    let now = 0;
    const limiter = new SlidingRateLimiter(() => now);
    for (let n = 0; n < 5; n++)
      expect(limiter.take("CreateTrail", 5)).toBe(true);
    expect(limiter.take("CreateTrail", 5)).toBe(false);
    expect(limiter.take("StopLogging", 5)).toBe(true);
    now = 999;
    expect(limiter.take("CreateTrail", 5)).toBe(false);
    now = 1000;
    for (let n = 0; n < 5; n++)
      expect(limiter.take("CreateTrail", 5)).toBe(true);
    expect(limiter.take("CreateTrail", 5)).toBe(false);
  });

  it("does not count refused calls, so a steady retry gets through once a place frees", () => {
    let now = 0;
    const limiter = new SlidingRateLimiter(() => now);
    expect(limiter.take("X", 1)).toBe(true);
    for (now = 100; now < 1000; now += 100)
      expect(limiter.take("X", 1)).toBe(false);
    now = 1000;
    expect(limiter.take("X", 1)).toBe(true);
  });

  it("counts a call at the time it was sent, so calls handled late together are judged as sent", () => {
    let now = 10_000;
    const limiter = new SlidingRateLimiter(() => now);
    // 20 calls sent 100 ms apart (10 a second), all handled at once after a
    // 1.5 s stall of the thread that answers them.
    const sent = Array.from({ length: 20 }, (_, i) => 10_000 + i * 100);
    now = 10_000 + 1_900 + 1_500;
    expect(sent.map((t) => limiter.take("LookupEvents", 10, t))).toEqual(
      sent.map(() => true),
    );
    // The 21st, sent within the last second's ten, is refused.
    expect(limiter.take("LookupEvents", 10, 11_950)).toBe(false);
  });

  it("does not believe a send time in the future or more than a minute old", () => {
    const now = 100_000;
    const limiter = new SlidingRateLimiter(() => now);
    expect(limiter.take("X", 1, now + 5_000)).toBe(true);
    // Counted at `now`, not 5 s later: a second later there is room again.
    expect(limiter.take("X", 1, now + 999)).toBe(false);
    const other = new SlidingRateLimiter(() => now);
    expect(other.take("Y", 1, now - 120_000)).toBe(true);
    expect(other.take("Y", 1, now - 500)).toBe(false);
  });
});
