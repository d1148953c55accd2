import type { AlertRule, Firing, RuleRun } from "./rule";

/**
 * When alert rules run and when they may notify: pure functions of a rule,
 * its last run and firings, and the time (every caller passes `now`, so the
 * tests and the scheduler share one clock).
 */
const MINUTE = 60_000;

/** When a rule runs next: at once when it never ran, then every schedule. Undefined when switched off. */
export function nextRunAt(
  rule: AlertRule,
  lastRun: RuleRun | undefined,
): number | undefined {
  if (!rule.enabled) return undefined;
  if (!lastRun) return rule.createdAt;
  return lastRun.at + rule.scheduleMinutes * MINUTE;
}

/**
 * Whether a rule should run now: its next run has come, or a run of every
 * rule was asked for (a simulated incident) after its last run.
 */
export function isDue(
  rule: AlertRule,
  lastRun: RuleRun | undefined,
  now: number,
  runRequestedAt = 0,
): boolean {
  const next = nextRunAt(rule, lastRun);
  if (next === undefined) return false;
  if (next <= now) return true;
  return runRequestedAt > (lastRun?.at ?? -Infinity) && runRequestedAt <= now;
}

/** The window a run at `now` reads: the rule's window ending now. */
export const runWindow = (
  rule: AlertRule,
  now: number,
): { startMs: number; endMs: number } => ({
  startMs: now - rule.windowMinutes * MINUTE,
  endMs: now,
});

/** The rule's latest firing, if any (firings are kept newest first). */
export const lastFiringOf = (
  ruleId: string,
  firings: readonly Firing[],
): Firing | undefined => firings.find((f) => f.ruleId === ruleId);

/** Until when a rule keeps quiet after its last notification; undefined when it may notify now. */
export function quietUntil(
  rule: AlertRule,
  lastFiring: Firing | undefined,
  now: number,
): number | undefined {
  if (!lastFiring) return undefined;
  const until = lastFiring.at + rule.quietMinutes * MINUTE;
  return until > now ? until : undefined;
}

/** What a run that counted `matched` events at `now` does: fire, keep quiet, or nothing. */
export function decide(
  rule: AlertRule,
  matched: number,
  lastFiring: Firing | undefined,
  now: number,
): "fired" | "quiet" | "below" {
  if (matched < rule.threshold) return "below";
  return quietUntil(rule, lastFiring, now) === undefined ? "fired" : "quiet";
}
