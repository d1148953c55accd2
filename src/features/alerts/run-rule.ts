import { eventsOf, isComplete, readAllEvents } from "@/api/event-reader";
import { describeError } from "@/api/errors";
import type { AuditEvent } from "@/api/schemas/event";
import { packRules } from "@/lib/sigma/rule-pack";
import {
  MAX_FIRING_EVENTS,
  type AlertRule,
  type Firing,
  type FiringEvent,
  type RuleRun,
} from "@/stores/alerts-store";
import { evaluate, matcherFor, serverReads } from "./match";
import { decide, lastFiringOf, runWindow } from "./schedule";

/** Events read per rule run at most (a day of a busy account stays bounded). */
const RUN_CAP = 20_000;

const toFiringEvent = (e: AuditEvent): FiringEvent => ({
  id: e.id,
  name: e.name,
  timeMs: e.timeMs,
  region: e.region,
  userName: e.userName,
});

export interface RunResult {
  run: RuleRun;
  /** Present when the run fired (or, for a test, would have). */
  firing?: Firing | undefined;
}

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

/** Runs a rule once over its window, in every region, through the one event reader. */
export async function runRule(
  rule: AlertRule,
  options: RunOptions,
): Promise<RunResult> {
  const { now, regions } = options;
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
  let events: AuditEvent[];
  let partial: boolean;
  try {
    const seen = new Set<string>();
    events = [];
    partial = false;
    for (const attributes of serverReads(rule.source)) {
      const result = await readAllEvents(
        { regions, window, attributes },
        { cap: RUN_CAP, signal: options.signal },
      );
      for (const event of eventsOf(result))
        if (!seen.has(event.id)) {
          seen.add(event.id);
          events.push(event);
        }
      partial ||= !isComplete(result);
    }
  } catch (error) {
    return {
      run: {
        ...base,
        matched: 0,
        outcome: "failed",
        partial: true,
        error: errorText(error),
      },
    };
  }
  const { matched, identity } = evaluate(
    rule,
    events,
    matcherFor(rule.source, packRules()),
  );
  const outcome = decide(
    rule,
    matched.length,
    lastFiringOf(rule.id, options.firings),
    now,
  );
  const run: RuleRun = { ...base, matched: matched.length, outcome, partial };
  if (outcome !== "fired") return { run };
  return {
    run,
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
