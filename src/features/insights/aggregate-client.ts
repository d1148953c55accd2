import {
  aggregate,
  type AggregateOptions,
  type OverviewSeries,
  type SeriesEvent,
} from "./to-series";

type Reply =
  { id: number; series: OverviewSeries } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (s: OverviewSeries) => void; reject: (e: Error) => void }
>();

function getWorker(): Worker | undefined {
  if (typeof Worker === "undefined") return undefined;
  if (!worker) {
    worker = new Worker(new URL("./aggregate.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.addEventListener("message", (event: MessageEvent<Reply>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if ("error" in event.data) job.reject(new Error(event.data.error));
      else job.resolve(event.data.series);
    });
    worker.addEventListener("error", () => {
      for (const job of pending.values())
        job.reject(new Error("The chart worker failed."));
      pending.clear();
      worker = undefined;
    });
  }
  return worker;
}

/** Aggregates in a Web Worker; where there is none (jsdom tests), on the main thread. */
export function aggregateOffThread(
  events: SeriesEvent[],
  options: AggregateOptions,
): Promise<OverviewSeries> {
  const w = getWorker();
  if (!w) return Promise.resolve(aggregate(events, options));
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, events, options });
  });
}
