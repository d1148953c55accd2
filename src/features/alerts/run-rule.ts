import { eventsOf, isComplete, readAllEvents } from "@/api/event-reader";
import { describeError } from "@/api/errors";
import { runRuleOverWindow, type RuleRunResult } from "@/lib/alerts/run-rule";
import type { AlertRule, Firing } from "@/stores/alerts-store";

/** Events read per rule run at most (a day of a busy account stays bounded). */
const RUN_CAP = 20_000;

export type RunResult = RuleRunResult;

export interface RunOptions {
  regions: readonly string[];
  now: number;
  /** Minutes to read instead of the rule's window (the Test button reads a day). */
  windowMinutes?: number;
  /** Earlier firings, newest first (for the quiet period). */
  firings: readonly Firing[];
  signal?: AbortSignal;
  newId: () => string;
}

const errorText = (error: unknown): string => {
  const { code, message } = describeError(error);
  return code ? `${code}: ${message}` : message;
};

/**
 * Runs a rule once in the console: the shared runner (src/lib/alerts/run-rule.ts)
 * reading every region through the one event reader.
 */
export async function runRule(
  rule: AlertRule,
  options: RunOptions,
): Promise<RunResult> {
  const { regions, signal } = options;
  // The Sigma pack (about 56 KB gzip) loads with the first run, not with
  // every page: the scheduler lives in the header.
  const { packRules } = await import("@/lib/sigma/rule-pack");
  return runRuleOverWindow(rule, {
    now: options.now,
    windowMinutes: options.windowMinutes,
    firings: options.firings,
    newId: options.newId,
    pack: packRules(),
    describeError: errorText,
    signal,
    read: async (attributes, window) => {
      const result = await readAllEvents(
        { regions, window, attributes },
        { cap: RUN_CAP, signal },
      );
      return { events: eventsOf(result), complete: isComplete(result) };
    },
  });
}
