import type { HealthLevel, TrailHealth } from "../trail-health";
import { isProblem } from "../trail-health";
import type { Notice, WatchedTrail } from "./rule";

/**
 * What the console says when a trail's delivery changes: a warning when a
 * trail stops logging, fails to deliver or is late; a notice when it
 * recovers; and one standing delivery confirmation per trail (read, so it
 * does not count as unread) moved on to each newer delivery. Pure.
 */
export interface SeenTrail {
  name: string;
  health: TrailHealth;
}

export function watchTrails(
  before: Readonly<Record<string, WatchedTrail>>,
  seen: readonly SeenTrail[],
  now: number,
  newId: () => string,
): { trails: Record<string, WatchedTrail>; notices: Notice[] } {
  const trails: Record<string, WatchedTrail> = {};
  const notices: Notice[] = [];
  for (const { name, health } of seen) {
    const last = before[name];
    const level: HealthLevel = health.level;
    trails[name] = { level, lastDelivery: health.lastDelivery };
    const wasProblem = last ? isProblem(last.level as HealthLevel) : false;
    // A trail first seen already stopped (or never started) was stopped on
    // purpose before the watch began: only a trail seen logging that stops is news.
    const news = last ? last.level !== level : level !== "stopped";
    if (isProblem(level) && news) {
      notices.push({
        id: newId(),
        kind: "delivery-warning",
        at: now,
        read: false,
        trail: name,
        level,
        code: health.code,
        detail: health.detail,
      });
    } else if (!isProblem(level) && wasProblem && level === "healthy") {
      notices.push({
        id: newId(),
        kind: "delivery-ok",
        at: now,
        read: false,
        trail: name,
        level: "recovered",
      });
    }
    if (
      health.lastDelivery !== undefined &&
      health.lastDelivery !== last?.lastDelivery
    ) {
      notices.push({
        id: `delivered-${name}`,
        kind: "delivery-ok",
        at: health.lastDelivery,
        read: true,
        trail: name,
        level: "delivered",
      });
    }
  }
  return { trails, notices };
}
