/**
 * The simulated account's per-action rate limits, as a sliding one-second
 * window: no more than N calls of an action are let through in any 1000 ms,
 * wherever the second boundaries fall (a fixed calendar second let a burst
 * straddling a boundary through almost twice).
 */
export class SlidingRateLimiter {
  /** Per action: the times (ms) of the calls let through, oldest first. */
  private readonly passed = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly windowMs = 1000,
  ) {}

  /** Counts a call of `action`; false (and not counted) when `limit` calls already passed in the last window. */
  take(action: string, limit: number): boolean {
    const now = this.clock();
    let times = this.passed.get(action);
    if (!times) {
      times = [];
      this.passed.set(action, times);
    }
    let drop = 0;
    while (drop < times.length && times[drop]! <= now - this.windowMs) drop++;
    if (drop) times.splice(0, drop);
    if (times.length >= limit) return false;
    times.push(now);
    return true;
  }
}
