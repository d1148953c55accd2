import {
  describeTrailsResponseSchema,
  trailStatusResponseSchema,
  type Trail,
} from "../../src/api/schemas/trail";
import type { SeenTrail } from "../../src/lib/alerts/trail-watch";
import { EXPECTED_DELIVERY_MS, trailHealth } from "../../src/lib/trail-health";
import type { Logger } from "../logger";
import { actionParams, type EventReader, type SignedCall } from "./lookup";

/**
 * How the gateway's scheduler looks at the trails' delivery: DescribeTrails
 * in every configured region, then GetTrailStatus in each trail's home
 * region (IsLogging, LatestDeliveryTime/Error, the Log Service delivery and
 * the OSS bucket / logstore availability), judged by the console's own rule
 * (src/lib/trail-health.ts). A trail that is late only counts when the
 * account recorded events since its last delivery: with nothing to deliver,
 * silence is not a fault. A trail that cannot be read is left out (the
 * watch keeps what it saw before); when no region can be listed it throws.
 */
export type TrailReader = (now: number) => Promise<SeenTrail[]>;

const text = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);

export function createTrailReader(deps: {
  call: SignedCall;
  readEvents: EventReader;
  regions: readonly string[];
  logger: Logger;
}): TrailReader {
  const { call, readEvents, regions, logger } = deps;

  /** Whether any configured region recorded an event in the span. */
  async function eventsExist(startMs: number, endMs: number) {
    if (endMs <= startMs) return false;
    for (const region of regions) {
      const { events } = await readEvents({
        region,
        startMs,
        endMs,
        attributes: [],
        cap: 1,
      });
      if (events.length > 0) return true;
    }
    return false;
  }

  return async (now) => {
    const byName = new Map<string, Trail>();
    const failures: string[] = [];
    for (const region of regions)
      try {
        const { trails } = await call(
          region,
          actionParams("DescribeTrails", {
            IncludeShadowTrails: false,
            IncludeOrganizationTrail: true,
          }),
          describeTrailsResponseSchema,
        );
        for (const trail of trails)
          if (!byName.has(trail.name)) byName.set(trail.name, trail);
      } catch (error) {
        failures.push(`${region}: ${text(error)}`);
      }
    if (failures.length === regions.length && regions.length > 0)
      throw new Error(failures.join("; "));
    const seen: SeenTrail[] = [];
    for (const trail of byName.values())
      try {
        const status = await call(
          trail.homeRegion || trail.region,
          actionParams("GetTrailStatus", {
            Name: trail.name,
            ...(trail.isOrganizationTrail ? { IsOrganizationTrail: true } : {}),
          }),
          trailStatusResponseSchema,
        );
        let health = trailHealth(status, now);
        if (health.level === "late") {
          const since =
            health.lastDelivery ?? (Date.parse(status.startLoggingTime) || 0);
          if (!(await eventsExist(since, now - EXPECTED_DELIVERY_MS)))
            health = { ...health, level: "healthy" };
        }
        seen.push({ name: trail.name, health });
      } catch (error) {
        logger.log("warn", "trail status unreadable", {
          trail: trail.name.slice(0, 100),
          error: text(error),
        });
      }
    return seen;
  };
}
