/**
 * The simulated account's per-action rate limits, as a sliding one-second
 * window: no more than N calls of an action are let through in any 1000 ms,
 * wherever the second boundaries fall (a fixed calendar second let a burst
 * straddling a boundary through almost twice).
 *
 * A call counts at the time it reached the service: when it says when it
 * was sent (the browser mock stamps its calls, see mocks/sent-at.ts), that
 * time, else the clock when it is handled. A stamp in the future or more
 * than a minute old is not believed.
 */
/** How far a send time may be before the clock and still be believed (ms). */
const PLAUSIBLE_MS = 60_000;

export class SlidingRateLimiter {
  /** Per action: the times (ms) of the calls let through, oldest first. */
  private readonly passed = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    private readonly windowMs = 1000,
  ) {}

  /**
   * Counts a call of `action` that arrived at `at` (default: now); false (and
   * not counted) when `limit` calls already passed in the window before it.
   */
  take(action: string, limit: number, at?: number): boolean {
    const clock = this.clock();
    const now =
      at !== undefined && at <= clock && at > clock - PLAUSIBLE_MS ? at : clock;
    let times = this.passed.get(action);
    if (!times) {
      times = [];
      this.passed.set(action, times);
    }
    let drop = 0;
    while (drop < times.length && times[drop]! <= now - this.windowMs) drop++;
    if (drop) times.splice(0, drop);
    if (times.length >= limit) return false;
    // Calls are usually handled in the order they were sent; one handled
    // late still goes in its place.
    let i = times.length;
    while (i > 0 && times[i - 1]! > now) i--;
    times.splice(i, 0, now);
    return true;
  }
}
