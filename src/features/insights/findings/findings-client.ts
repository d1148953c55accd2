import {
  computeFindings,
  type FindingsJob,
  type FindingsResult,
} from "./compute";

type Reply =
  { id: number; result: FindingsResult } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (r: FindingsResult) => void; reject: (e: Error) => void }
>();

function getWorker(): Worker | undefined {
  if (typeof Worker === "undefined") return undefined;
  if (!worker) {
    worker = new Worker(new URL("./findings.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.addEventListener("message", (event: MessageEvent<Reply>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if ("error" in event.data) job.reject(new Error(event.data.error));
      else job.resolve(event.data.result);
    });
    worker.addEventListener("error", () => {
      for (const job of pending.values())
        job.reject(new Error("The findings worker failed."));
      pending.clear();
      worker = undefined;
    });
  }
  return worker;
}

/** Rules and detectors in a Web Worker; where there is none (jsdom tests), on the main thread. */
export function findingsOffThread(job: FindingsJob): Promise<FindingsResult> {
  const w = getWorker();
  if (!w) return Promise.resolve(computeFindings(job));
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, job });
  });
}
