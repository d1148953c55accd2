/**
 * What an alert rule is and what its runs leave behind: one shape for the
 * console (src/stores/alerts-store.ts keeps them in the browser) and the
 * gateway (server/alerts keeps them in its store file). Types and constants
 * only.
 */
export const SCHEDULES = [5, 15, 60] as const;
export type AlertSchedule = (typeof SCHEDULES)[number];
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type AlertSeverity = (typeof SEVERITIES)[number];

/** What a rule watches: detection rules of the Sigma pack, conditions of a saved search, or failed calls. */
export type AlertSource =
  | {
      kind: "detection";
      ruleIds: string[];
      /** The API names the rules can match, when known: each is asked of the service by name. */
      eventNames?: string[] | undefined;
    }
  | { kind: "search"; conditions: { key: string; value: string }[] }
  | { kind: "failures" };

/** Where a firing goes while the console is open. */
export const CONSOLE_DESTINATIONS = ["centre", "browser"] as const;
export type ConsoleDestination = (typeof CONSOLE_DESTINATIONS)[number];

export interface AlertRule {
  id: string;
  name: string;
  /** The starter it was made from, if any. */
  starter?: string | undefined;
  source: AlertSource;
  /** Fires when at least this many events match within the window. */
  threshold: number;
  windowMinutes: number;
  scheduleMinutes: AlertSchedule;
  severity: AlertSeverity;
  /** At most one notification per rule per quiet period. */
  quietMinutes: number;
  /** Count per identity (many failed calls from one identity) instead of overall. */
  perIdentity: boolean;
  destinations: ConsoleDestination[];
  enabled: boolean;
  createdAt: number;
}

export type RunOutcome = "fired" | "quiet" | "below" | "failed";

export interface RuleRun {
  at: number;
  windowStart: number;
  windowEnd: number;
  matched: number;
  outcome: RunOutcome;
  /** Regions or spans the run could not read. */
  partial: boolean;
  error?: string | undefined;
}

export interface FiringEvent {
  id: string;
  name: string;
  timeMs: number;
  region: string;
  userName: string;
}

export interface Firing {
  id: string;
  ruleId: string;
  ruleName: string;
  severity: AlertSeverity;
  at: number;
  windowStart: number;
  windowEnd: number;
  count: number;
  /** The identity whose events crossed the threshold (per-identity rules). */
  identity?: string | undefined;
  events: FiringEvent[];
}

export type NoticeKind =
  | "firing"
  | "delivery-warning"
  | "delivery-ok"
  /** The gateway gave up sending to a destination, or paused it (`detail` says which and why). */
  | "destination-warning";

export interface Notice {
  id: string;
  kind: NoticeKind;
  at: number;
  read: boolean;
  /** For firings. */
  firingId?: string | undefined;
  /** For delivery notices: the trail and what happened (service words kept as they are). */
  trail?: string | undefined;
  code?: string | undefined;
  detail?: string | undefined;
  /** For delivery notices: the trail's health (src/lib/trail-health.ts HealthLevel). */
  level?: string | undefined;
}

/** What the console last saw of a trail's delivery. */
export interface WatchedTrail {
  level: string;
  lastDelivery?: number | undefined;
}

/** Events a firing keeps (the first ones, newest first). */
export const MAX_FIRING_EVENTS = 20;
