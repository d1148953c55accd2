/**
 * Jobs for a Web Worker, matched to their replies by id: the one piece of
 * plumbing behind every off-thread computation (the insights overview's
 * counting, the findings' rules and detectors). A job may report partial
 * results on the way; where there is no Worker (jsdom tests) it runs here.
 */

/** What a worker sends back for job `id`: a partial result, the result, or the error. */
export type WorkerReply<R, P> =
  | { id: number; partial: P }
  /** `computeMs`: the worker's own time on the job (the benchmark reads it). */
  | { id: number; result: R; computeMs?: number }
  | { id: number; error: string };

/** The work itself: the same function in the worker and, without one, here. */
export type JobRunner<J, R, P> = (job: J, report: (partial: P) => void) => R;

interface Pending<R, P> {
  resolve: (result: R) => void;
  reject: (error: Error) => void;
  onPartial?: (partial: P) => void;
}

/** A client sending jobs to one lazily started worker; `failure` is the error every waiting job gets if the worker dies. */
export function workerJobs<J, R, P = never>({
  create,
  runHere,
  failure,
}: {
  create: () => Worker;
  runHere: JobRunner<J, R, P>;
  failure: string;
}): (job: J, onPartial?: (partial: P) => void) => Promise<R> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending<R, P>>();

  const start = (): Worker => {
    const w = create();
    w.addEventListener("message", (event: MessageEvent<WorkerReply<R, P>>) => {
      const reply = event.data;
      const job = pending.get(reply.id);
      if (!job) return;
      if ("partial" in reply) {
        job.onPartial?.(reply.partial);
        return;
      }
      pending.delete(reply.id);
      if ("error" in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.result);
    });
    w.addEventListener("error", () => {
      for (const job of pending.values()) job.reject(new Error(failure));
      pending.clear();
      worker = undefined;
    });
    return w;
  };

  return (job, onPartial) => {
    if (typeof Worker === "undefined")
      return Promise.resolve(runHere(job, (p) => onPartial?.(p)));
    worker ??= start();
    const w = worker;
    const id = ++nextId;
    return new Promise<R>((resolve, reject) => {
      pending.set(id, { resolve, reject, onPartial });
      w.postMessage({ id, job });
    });
  };
}

/** The worker's side: answer every job with its result, reporting partial results on the way. */
export function answerJobs<J, R, P = never>(run: JobRunner<J, R, P>): void {
  const scope = self as unknown as {
    addEventListener: (
      type: "message",
      listener: (event: MessageEvent<{ id: number; job: J }>) => void,
    ) => void;
    postMessage: (reply: WorkerReply<R, P>) => void;
  };
  scope.addEventListener("message", (event) => {
    const { id, job } = event.data;
    try {
      const started = performance.now();
      const result = run(job, (partial) => scope.postMessage({ id, partial }));
      scope.postMessage({ id, result, computeMs: performance.now() - started });
    } catch (error) {
      scope.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
