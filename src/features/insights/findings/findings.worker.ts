import { answerJobs } from "@/lib/worker-jobs";
import { computeFindings } from "./compute";

/** Runs the rules and detectors off the main thread (the reply carries `computeMs`, which the benchmark reads). */
answerJobs(computeFindings);
