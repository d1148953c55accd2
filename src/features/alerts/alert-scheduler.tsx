import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAlertsStore } from "@/stores/alerts-store";
import { runDueRules } from "./scheduler";

/** How often the console looks for due rules (the shortest schedule is 5 minutes). */
export const TICK_MS = 15_000;

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
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await runDueRules(client, clock(), controller.signal);
      } catch (error) {
        console.warn("[alerts] a scheduled run failed", error);
      } finally {
        running = false;
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
