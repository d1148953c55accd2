import { workerJobs } from "@/lib/worker-jobs";
import {
  computeFindings,
  type FindingsJob,
  type FindingsResult,
} from "./compute";

/** Rules and detectors in a Web Worker; where there is none (jsdom tests), on the main thread. */
export const findingsOffThread: (job: FindingsJob) => Promise<FindingsResult> =
  workerJobs<FindingsJob, FindingsResult>({
    create: () =>
      new Worker(new URL("./findings.worker.ts", import.meta.url), {
        type: "module",
      }),
    runHere: computeFindings,
    failure: "The findings worker failed.",
  });
