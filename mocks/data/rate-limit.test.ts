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
});
