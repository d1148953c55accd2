import type { AuditEvent } from "@/api/schemas/event";
import { isSignin } from "./signin-failures";
import {
  actorOf,
  BASELINE_SHARE,
  distinct,
  groupBy,
  HOUR_MS,
  plural,
  timed,
  topNames,
  type Detection,
} from "./types";

export interface RateOptions {
  /** A burst hour needs at least this many calls. */
  minCalls: number;
  /** … and this many times the busiest baseline hour. */
  factor: number;
}

const DEFAULTS: RateOptions = { minCalls: 12, factor: 3 };

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/**
 * Call-rate bursts against the actor's own baseline: hours (in the second
 * half of the loaded window) with far more calls than its busiest hour in the
 * first half, or a busy hour at a time of day it never worked before.
 */
export function detectCallRateBursts(
  events: readonly AuditEvent[],
  options: Partial<RateOptions> = {},
): Detection[] {
  const { minCalls, factor } = { ...DEFAULTS, ...options };
  const sorted = timed(events).filter((e) => !isSignin(e)); // sign-ins have their own detectors
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const learnUntil =
    first.timeMs + (last.timeMs - first.timeMs) * BASELINE_SHARE;
  const detections: Detection[] = [];
  const byActor = groupBy(sorted, (e) => {
    const a = actorOf(e);
    return a ? `${a.kind}:${a.value}` : undefined;
  });
  for (const [key, list] of byActor) {
    const baseline = list.filter((e) => e.timeMs <= learnUntil);
    const baselineHours = groupBy(baseline, (e) => String(hourOf(e.timeMs)));
    const baselineMax = Math.max(
      0,
      ...[...baselineHours.values()].map((l) => l.length),
    );
    const baselineDays = new Set(
      baseline.map((e) => Math.floor(e.timeMs / (24 * HOUR_MS))),
    ).size;
    const hoursOfDay = new Set(
      baseline.map((e) => new Date(e.timeMs).getUTCHours()),
    );
    const later = groupBy(
      list.filter((e) => e.timeMs > learnUntil),
      (e) => String(hourOf(e.timeMs)),
    );
    const burst: AuditEvent[] = [];
    let offHours = false;
    for (const hourEvents of later.values()) {
      const n = hourEvents.length;
      if (n < minCalls) continue;
      const aboveBaseline = n > factor * baselineMax;
      const unusualHour =
        baselineDays >= 3 &&
        !hoursOfDay.has(new Date(hourEvents[0]!.timeMs).getUTCHours());
      if (aboveBaseline || unusualHour) {
        burst.push(...hourEvents);
        if (unusualHour) offHours = true;
      }
    }
    if (burst.length === 0) continue;
    burst.sort((a, b) => a.timeMs - b.timeMs);
    const actor = actorOf(list[0]!)!;
    const owner = distinct(list.map((e) => e.userName).filter(Boolean))[0];
    const regions = distinct(burst.map((e) => e.region).filter(Boolean));
    const names = distinct(burst.map((e) => e.name));
    const condition =
      actor.kind === "accessKey"
        ? { key: "EventAccessKeyId", value: actor.value }
        : { key: "User", value: actor.value };
    const who =
      actor.kind === "accessKey"
        ? `AccessKey ${actor.value}${owner ? ` (${owner})` : ""}`
        : actor.value;
    const hours = new Set(burst.map((e) => hourOf(e.timeMs))).size;
    detections.push({
      id: `call-rate:${key}`,
      kind: "call-rate",
      severity: regions.length > 2 || offHours ? "high" : "medium",
      title: `${who} made ${plural(burst.length, "call")} in ${plural(hours, "burst hour")}${regions.length > 1 ? ` across ${plural(regions.length, "region")}` : ""}`,
      explanation: `Its busiest hour in the baseline part of the window had ${plural(baselineMax, "call")}. ${offHours ? "Some of these calls came at an hour of the day it had never been active before. " : ""}A sudden burst can be automation gone wrong or someone else using the credential.`,
      subject:
        owner && actor.kind === "accessKey" ? { ...actor, owner } : actor,
      evidence: [
        {
          label: "Busiest baseline hour",
          values: [plural(baselineMax, "call")],
        },
        { label: "Actions in the burst", values: topNames(burst) },
        { label: "Regions", values: regions },
        {
          label: "Addresses",
          values: distinct(burst.map((e) => e.sourceIp)).slice(0, 10),
        },
      ],
      firstMs: burst[0]!.timeMs,
      lastMs: burst.at(-1)!.timeMs,
      regions,
      eventIds: burst.map((e) => e.id),
      filters: [condition],
      pivots: names.slice(0, 3).map((name) => ({
        label: `${name} events`,
        filters: [condition, { key: "EventName", value: name }],
      })),
    });
  }
  return detections;
}
