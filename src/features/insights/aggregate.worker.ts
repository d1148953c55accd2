import { answerJobs } from "@/lib/worker-jobs";
import type { AggregateJob } from "./aggregate-client";
import { aggregate } from "./to-series";

// Counting up to 100,000 events runs here, off the main thread.
answerJobs(({ events, options }: AggregateJob) => aggregate(events, options));
