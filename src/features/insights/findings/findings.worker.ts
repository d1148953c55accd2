import { computeFindings, type FindingsJob } from "./compute";

/** Runs the rules and detectors off the main thread. */
self.addEventListener(
  "message",
  (event: MessageEvent<{ id: number; job: FindingsJob }>) => {
    const { id, job } = event.data;
    try {
      self.postMessage({ id, result: computeFindings(job) });
    } catch (error) {
      self.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
);
