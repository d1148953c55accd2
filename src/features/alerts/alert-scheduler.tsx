import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAlertsStore } from "@/stores/alerts-store";
import { checkTrails, runDueRules } from "./scheduler";

/** How often the console looks for due rules (the shortest schedule is 5 minutes). */
export const TICK_MS = 15_000;
/** Trails' delivery is first looked at a minute after the console opens, then every 5 minutes (a delivery cycle). */
export const FIRST_TRAIL_CHECK_MS = 60_000;
export const TRAIL_CHECK_MS = 5 * 60_000;

/**
 * Runs the alert rules while the console is open. Time comes from `clock`
 * and the browser's timers, so tests (fake timers) and Playwright
 * (`page.clock`) drive it.
 */
export function AlertScheduler({ clock = Date.now }: { clock?: () => number }) {
  const client = useQueryClient();
  useEffect(() => {
    const controller = new AbortController();
    let running = false;
    // A tick that comes while one is still reading runs once that one ends.
    let again = false;
    let nextTrailCheck = clock() + FIRST_TRAIL_CHECK_MS;
    const tick = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const now = clock();
        await runDueRules(client, now, controller.signal);
        if (now >= nextTrailCheck) {
          nextTrailCheck = now + TRAIL_CHECK_MS;
          await checkTrails(client, now, controller.signal);
        }
      } catch (error) {
        if (!controller.signal.aborted)
          console.warn("[alerts] a scheduled run failed", error);
      } finally {
        running = false;
        if (again && !controller.signal.aborted) {
          again = false;
          void tick();
        }
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), TICK_MS);
    // A new or changed rule, or a simulated incident asking for a run, is
    // looked at once rather than at the next tick.
    const unsubscribe = useAlertsStore.subscribe((state, before) => {
      if (
        state.runRequestedAt !== before.runRequestedAt ||
        state.rules !== before.rules
      )
        void tick();
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
      controller.abort();
    };
  }, [client, clock]);
  return null;
}
