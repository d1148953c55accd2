import { computeFindings, type FindingsJob } from "./compute";

/** Runs the rules and detectors off the main thread; `computeMs` is the worker's own time (the benchmark reads it). */
self.addEventListener(
  "message",
  (event: MessageEvent<{ id: number; job: FindingsJob }>) => {
    const { id, job } = event.data;
    try {
      const t0 = performance.now();
      const result = computeFindings(job);
      self.postMessage({ id, result, computeMs: performance.now() - t0 });
    } catch (error) {
      self.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
);
