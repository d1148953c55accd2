import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

/**
 * The console's alert rules, their runs, firings and the notification
 * centre, kept in this browser (localStorage). They run while the console is
 * open (src/features/alerts/scheduler.tsx); the pure logic lives in
 * src/features/alerts/schedule.ts.
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

export type NoticeKind = "firing" | "delivery-warning" | "delivery-ok";

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

/** How much history is kept per rule and in the centre. */
export const MAX_FIRINGS = 200;
export const MAX_NOTICES = 200;
export const MAX_FIRING_EVENTS = 20;

interface AlertsState {
  rules: AlertRule[];
  /** The last run of each rule, by rule id. */
  lastRuns: Record<string, RuleRun>;
  firings: Firing[];
  notices: Notice[];
  /** Trail delivery health as last seen, by trail name. */
  trails: Record<string, WatchedTrail>;
  /** Set by a simulated incident: every enabled rule runs at the next tick. */
  runRequestedAt: number;
  saveRule: (rule: AlertRule) => void;
  deleteRule: (id: string) => void;
  setEnabled: (id: string, enabled: boolean) => void;
  recordRun: (ruleId: string, run: RuleRun, firing?: Firing) => void;
  addNotice: (notice: Notice) => void;
  markRead: (ids: readonly string[]) => void;
  requestRun: (at: number) => void;
  /** Records what the trail watch saw, with its notices (a notice with an existing id replaces it). */
  recordTrails: (
    trails: Record<string, WatchedTrail>,
    notices: readonly Notice[],
  ) => void;
}

export const useAlertsStore = create<AlertsState>()(
  persist(
    (set) => ({
      rules: [],
      lastRuns: {},
      firings: [],
      notices: [],
      runRequestedAt: 0,
      trails: {},
      saveRule: (rule) =>
        set((s) => ({
          rules: s.rules.some((r) => r.id === rule.id)
            ? s.rules.map((r) => (r.id === rule.id ? rule : r))
            : [...s.rules, rule],
        })),
      deleteRule: (id) =>
        set((s) => {
          const lastRuns = { ...s.lastRuns };
          delete lastRuns[id];
          return { rules: s.rules.filter((r) => r.id !== id), lastRuns };
        }),
      setEnabled: (id, enabled) =>
        set((s) => ({
          rules: s.rules.map((r) => (r.id === id ? { ...r, enabled } : r)),
        })),
      recordRun: (ruleId, run, firing) =>
        set((s) => ({
          lastRuns: { ...s.lastRuns, [ruleId]: run },
          firings: firing
            ? [firing, ...s.firings].slice(0, MAX_FIRINGS)
            : s.firings,
          notices: firing
            ? [
                {
                  id: `n-${firing.id}`,
                  kind: "firing" as const,
                  at: firing.at,
                  read: false,
                  firingId: firing.id,
                },
                ...s.notices,
              ].slice(0, MAX_NOTICES)
            : s.notices,
        })),
      addNotice: (notice) =>
        set((s) => ({ notices: [notice, ...s.notices].slice(0, MAX_NOTICES) })),
      markRead: (ids) =>
        set((s) => {
          const wanted = new Set(ids);
          return {
            notices: s.notices.map((n) =>
              wanted.has(n.id) ? { ...n, read: true } : n,
            ),
          };
        }),
      requestRun: (at) => set({ runRequestedAt: at }),
      recordTrails: (trails, notices) =>
        set((s) => {
          const ids = new Set(notices.map((n) => n.id));
          return {
            trails,
            notices: [
              ...notices,
              ...s.notices.filter((n) => !ids.has(n.id)),
            ].slice(0, MAX_NOTICES),
          };
        }),
    }),
    {
      name: "trailscope.alerts",
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);
