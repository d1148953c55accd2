import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type {
  AlertRule,
  Firing,
  Notice,
  RuleRun,
  WatchedTrail,
} from "@/lib/alerts/rule";

/**
 * The console's alert rules, their runs, firings and the notification
 * centre, kept in this browser (localStorage). They run while the console is
 * open (src/features/alerts/scheduler.ts); the pure logic lives in
 * src/lib/alerts/.
 */

/** The rule's shape lives in src/lib/alerts/rule.ts (the gateway shares it); the console's code takes it from here. */
export {
  CONSOLE_DESTINATIONS,
  MAX_FIRING_EVENTS,
  SCHEDULES,
  SEVERITIES,
  type AlertRule,
  type AlertSchedule,
  type AlertSeverity,
  type AlertSource,
  type ConsoleDestination,
  type Firing,
  type FiringEvent,
  type Notice,
  type NoticeKind,
  type RuleRun,
  type RunOutcome,
  type WatchedTrail,
} from "@/lib/alerts/rule";

/** How much history is kept per rule and in the centre. */
export const MAX_FIRINGS = 200;
export const MAX_NOTICES = 200;
export const MAX_READ_REMOTE = 1_000;

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
  /** Ids of the gateway's notices read in this browser (live mode with gateway alerts). */
  readRemote: string[];
  markRemoteRead: (ids: readonly string[]) => void;
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
      readRemote: [],
      markRemoteRead: (ids) =>
        set((s) => ({
          readRemote: [
            ...ids.filter((id) => !s.readRemote.includes(id)),
            ...s.readRemote,
          ].slice(0, MAX_READ_REMOTE),
        })),
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
