import { workerJobs } from "@/lib/worker-jobs";
import {
  aggregate,
  type AggregateOptions,
  type OverviewSeries,
  type SeriesEvent,
} from "./to-series";

export interface AggregateJob {
  events: SeriesEvent[];
  options: AggregateOptions;
}

const aggregateJobs = workerJobs<AggregateJob, OverviewSeries>({
  create: () =>
    new Worker(new URL("./aggregate.worker.ts", import.meta.url), {
      type: "module",
    }),
  runHere: ({ events, options }) => aggregate(events, options),
  failure: "The chart worker failed.",
});

/** Aggregates in a Web Worker; where there is none (jsdom tests), on the main thread. */
export const aggregateOffThread = (
  events: SeriesEvent[],
  options: AggregateOptions,
): Promise<OverviewSeries> => aggregateJobs({ events, options });
