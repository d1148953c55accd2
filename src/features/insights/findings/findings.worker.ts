import { answerJobs } from "@/lib/worker-jobs";
import { computeFindings } from "./compute";

/** Runs the rules and detectors off the main thread. */
answerJobs(computeFindings);
