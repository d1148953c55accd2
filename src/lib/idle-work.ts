/**
 * Runs `step` in the browser's idle time, a slice at a time, until it says
 * it is done; returns a function that stops it. Each slice is asked to stay
 * within `sliceMs` (and within what the idle period has left), so input that
 * arrives meanwhile waits at most that long. Where there is no
 * requestIdleCallback, slices run from timers `fallbackMs` apart.
 */
export function runWhenIdle(
  step: (ms: number) => boolean,
  sliceMs: number,
  fallbackMs = 50,
): () => void {
  let stopped = false;
  let cancel: () => void = () => {};
  const idle = globalThis.requestIdleCallback as
    typeof requestIdleCallback | undefined;
  const next = () => {
    if (stopped) return;
    if (idle) {
      const handle = idle((deadline) => {
        const ms = Math.min(sliceMs, deadline.timeRemaining());
        if (ms <= 0 || !step(ms)) next();
      });
      cancel = () => cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(() => {
        if (!step(sliceMs)) next();
      }, fallbackMs);
      cancel = () => clearTimeout(timer);
    }
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
