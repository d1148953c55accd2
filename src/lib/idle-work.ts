/**
 * Runs `step` in the background, a slice of at most `sliceMs` at a time,
 * until it says it is done; returns a function that stops it. It starts at
 * the browser's first idle moment (requestIdleCallback where there is one),
 * then yields between slices through a message (not a timer, which browsers
 * hold back to 4 ms once chained), so input and frames that arrive meanwhile
 * wait at most one slice.
 */
export function runWhenIdle(
  step: (ms: number) => boolean,
  sliceMs: number,
): () => void {
  let stopped = false;
  const channel = new MessageChannel();
  const stop = () => {
    stopped = true;
    channel.port1.onmessage = null;
    channel.port1.close();
    channel.port2.close();
  };
  channel.port1.onmessage = () => {
    if (stopped) return;
    if (step(sliceMs)) stop();
    else channel.port2.postMessage(null);
  };
  const begin = () => {
    if (!stopped) channel.port2.postMessage(null);
  };
  const idle = globalThis.requestIdleCallback as
    typeof requestIdleCallback | undefined;
  let cancelStart: () => void;
  if (idle) {
    const handle = idle(begin);
    cancelStart = () => cancelIdleCallback(handle);
  } else {
    const timer = setTimeout(begin, 0);
    cancelStart = () => clearTimeout(timer);
  }
  return () => {
    cancelStart();
    stop();
  };
}
