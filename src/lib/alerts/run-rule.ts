import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { evaluate, matcherFor, serverReads } from "./match";
import {
  MAX_FIRING_EVENTS,
  type AlertRule,
  type Firing,
  type FiringEvent,
  type RuleRun,
} from "./rule";
import { decide, lastFiringOf, runWindow } from "./schedule";

/**
 * Runs an alert rule once over its window: the one runner of the console
 * (src/features/alerts/scheduler.ts, through the event reader) and the
 * gateway (server/alerts/scheduler.ts, through its signed LookupEvents).
 * Each side only says how a window is read; which reads a rule makes, what
 * counts, the threshold and the quiet period are decided here. Pure apart
 * from the reads it is handed.
 */
export interface WindowRead {
  events: readonly AuditEvent[];
  /** False when a cap or a failed part left events unread. */
  complete: boolean;
  /** What could not be read (say, one region) while the rest was. */
  error?: string | undefined;
}

/** Reads one window with the LookupAttributes the service can apply; throws when nothing could be read. */
export type ReadWindow = (
  attributes: LookupAttribute[],
  window: { startMs: number; endMs: number },
) => Promise<WindowRead>;

export interface RunRuleOptions {
  now: number;
  read: ReadWindow;
  /** The detection rules a detection source names come from. */
  pack: readonly CompiledRule[];
  /** Earlier firings, newest first (for the quiet period); a test run passes none. */
  firings: readonly Firing[];
  newId: () => string;
  /** An error in words, for the run's record. */
  describeError: (error: unknown) => string;
  /** Minutes to read instead of the rule's window (the Test button reads a day). */
  windowMinutes?: number | undefined;
  /** Stops between reads. */
  signal?: AbortSignal | undefined;
}

export interface RuleRunResult {
  run: RuleRun;
  /** Present when the run fired (for a test run: would have). */
  firing?: Firing | undefined;
  /** The events that counted, newest first (a test run's preview). */
  matched: AuditEvent[];
}

/** A test run reads the last day. */
export const TEST_WINDOW_MINUTES = 24 * 60;

const toFiringEvent = (e: AuditEvent): FiringEvent => ({
  id: e.id,
  name: e.name,
  timeMs: e.timeMs,
  region: e.region,
  userName: e.userName,
});

export async function runRuleOverWindow(
  rule: AlertRule,
  options: RunRuleOptions,
): Promise<RuleRunResult> {
  const { now } = options;
  const window = runWindow(
    options.windowMinutes
      ? { ...rule, windowMinutes: options.windowMinutes }
      : rule,
    now,
  );
  const base = {
    at: now,
    windowStart: window.startMs,
    windowEnd: window.endMs,
  };
  const seen = new Set<string>();
  const events: AuditEvent[] = [];
  const errors: string[] = [];
  let partial = false;
  /** Reads that threw: when every one did, the run failed. */
  let failed = 0;
  const reads = serverReads(rule.source);
  for (const attributes of reads) {
    if (options.signal?.aborted) break;
    try {
      const result = await options.read(attributes, window);
      partial ||= !result.complete;
      if (result.error) errors.push(result.error);
      for (const event of result.events)
        if (!seen.has(event.id)) {
          seen.add(event.id);
          events.push(event);
        }
    } catch (error) {
      partial = true;
      failed += 1;
      errors.push(options.describeError(error));
    }
  }
  if (failed === reads.length || options.signal?.aborted)
    return {
      run: {
        ...base,
        matched: 0,
        outcome: "failed",
        partial: true,
        error: errors.join("; "),
      },
      matched: [],
    };
  const { matched, identity } = evaluate(
    rule,
    events,
    matcherFor(rule.source, options.pack),
  );
  const outcome = decide(
    rule,
    matched.length,
    lastFiringOf(rule.id, options.firings),
    now,
  );
  const run: RuleRun = {
    ...base,
    matched: matched.length,
    outcome,
    partial,
    ...(errors.length ? { error: errors.join("; ") } : {}),
  };
  if (outcome !== "fired") return { run, matched };
  return {
    run,
    matched,
    firing: {
      id: options.newId(),
      ruleId: rule.id,
      ruleName: rule.name,
      severity: rule.severity,
      at: now,
      windowStart: window.startMs,
      windowEnd: window.endMs,
      count: matched.length,
      identity,
      events: matched.slice(0, MAX_FIRING_EVENTS).map(toFiringEvent),
    },
  };
}
