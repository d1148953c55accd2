import { t } from "@lingui/core/macro";
import type { QueryClient } from "@tanstack/react-query";
import { regionsQueryOptions } from "@/features/regions/queries";
import { useAlertsStore, type Firing } from "@/stores/alerts-store";
import { rpc } from "@/api/client";
import type { Trail } from "@/api/schemas/trail";
import { trailHealth } from "@/lib/trail-health";
import { runRule } from "./run-rule";
import { watchTrails, type SeenTrail } from "@/lib/alerts/trail-watch";
import { isDue } from "@/lib/alerts/schedule";

/** A new id for a firing or notice (unique within this browser). */
export const newId = (): string =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Every region ActionTrail serves (one DescribeRegions per session, from the cache). */
export async function allRegions(client: QueryClient): Promise<string[]> {
  const result = await client.ensureQueryData(regionsQueryOptions());
  return result.regions.map((r) => r.id);
}

/** Tells the browser, when the user allowed notifications and the rule sends there. */
export function notifyBrowser(firing: Firing): void {
  if (typeof Notification === "undefined") return;
  if (Notification.permission !== "granted") return;
  const name = firing.ruleName;
  const count = firing.count;
  try {
    new Notification(t`Alert: ${name}`, {
      body: t`${count} matching events`,
      tag: firing.id,
    });
  } catch {
    // Some browsers allow notifications only from a service worker: the centre still has it.
  }
}

/**
 * One pass of the console's scheduler: runs every rule that is due at `now`,
 * one after another, and records the runs, firings and notices.
 */
export async function runDueRules(
  client: QueryClient,
  now: number,
  signal?: AbortSignal,
): Promise<void> {
  const { rules, lastRuns, runRequestedAt } = useAlertsStore.getState();
  const due = rules.filter((r) =>
    isDue(r, lastRuns[r.id], now, runRequestedAt),
  );
  if (!due.length) return;
  const regions = await allRegions(client);
  for (const rule of due) {
    if (signal?.aborted) return;
    const { run, firing } = await runRule(rule, {
      regions,
      now,
      firings: useAlertsStore.getState().firings,
      newId,
      ...(signal ? { signal } : {}),
    });
    // A rule deleted or switched off while it ran records nothing.
    const current = useAlertsStore
      .getState()
      .rules.find((r) => r.id === rule.id);
    if (!current?.enabled || signal?.aborted) continue;
    useAlertsStore.getState().recordRun(rule.id, run, firing);
    if (firing && rule.destinations.includes("browser")) notifyBrowser(firing);
  }
}

/**
 * One look at every trail's delivery (DescribeTrails per region, then
 * GetTrailStatus in each trail's home region); what changed becomes notices.
 * A region or trail that cannot be read keeps what was seen before.
 */
export async function checkTrails(
  client: QueryClient,
  now: number,
  signal?: AbortSignal,
): Promise<void> {
  const regions = await allRegions(client);
  const byName = new Map<string, Trail>();
  for (const region of regions) {
    if (signal?.aborted) return;
    try {
      const { trails } = await rpc(
        region,
        "DescribeTrails",
        { IncludeShadowTrails: false, IncludeOrganizationTrail: true },
        signal ? { signal } : {},
      );
      for (const trail of trails)
        if (!byName.has(trail.name)) byName.set(trail.name, trail);
    } catch (error) {
      if (signal?.aborted) return;
      console.warn(`[alerts] trails of ${region} could not be read`, error);
    }
  }
  const seen: SeenTrail[] = [];
  for (const trail of byName.values()) {
    if (signal?.aborted) return;
    try {
      const status = await rpc(
        trail.homeRegion || trail.region,
        "GetTrailStatus",
        {
          Name: trail.name,
          ...(trail.isOrganizationTrail ? { IsOrganizationTrail: true } : {}),
        },
        signal ? { signal } : {},
      );
      seen.push({ name: trail.name, health: trailHealth(status, now) });
    } catch (error) {
      if (signal?.aborted) return;
      console.warn(`[alerts] status of ${trail.name} could not be read`, error);
    }
  }
  const before = useAlertsStore.getState().trails;
  const { trails, notices } = watchTrails(before, seen, now, newId);
  useAlertsStore.getState().recordTrails({ ...before, ...trails }, notices);
}
