import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { isSignin } from "./signin-failures";
import {
  actorOf,
  distinct,
  groupBy,
  hourRuns,
  HOUR_MS,
  timed,
  topNames,
  whoOf,
  type Detection,
} from "./types";

export interface RateOptions {
  /** A burst hour needs at least this many calls. */
  minCalls: number;
  /** … and this many times the busiest earlier hour. */
  factor: number;
  /** How much of its own history an actor needs before a burst is judged. */
  minHistoryMs: number;
}

const DEFAULTS: RateOptions = {
  minCalls: 12,
  factor: 3,
  minHistoryMs: 24 * HOUR_MS,
};

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/**
 * Call-rate bursts against the actor's own history within the range: hours
 * with far more calls than any earlier hour of that actor, or a busy hour at
 * a time of day it never worked before (judged once the actor has a day of
 * history; a credential with none is the dormant-credential detector's case).
 */
export function detectCallRateBursts(
  events: readonly AuditEvent[],
  options: Partial<RateOptions> = {},
): Detection[] {
  const { minCalls, factor, minHistoryMs } = { ...DEFAULTS, ...options };
  const sorted = timed(events).filter((e) => !isSignin(e)); // sign-ins have their own detectors
  const detections: Detection[] = [];
  const byActor = groupBy(sorted, (e) => {
    const a = actorOf(e);
    return a ? `${a.kind}:${a.value}` : undefined;
  });
  for (const [key, list] of byActor) {
    // Rolling baseline: each hour is compared with the actor's hours before it.
    const startMs = list[0]!.timeMs;
    let baselineMax = 0;
    const baselineDays = new Set<number>();
    const hoursOfDay = new Set<number>();
    const burst: AuditEvent[] = [];
    let offHours = false;
    let burstBaseline = 0;
    for (const hourEvents of hourRuns(list)) {
      const n = hourEvents.length;
      const at = hourEvents[0]!.timeMs;
      const hourOfDay = new Date(at).getUTCHours();
      const judged = at - startMs >= minHistoryMs;
      if (judged && n >= minCalls) {
        const aboveBaseline = n > factor * baselineMax;
        const unusualHour =
          baselineDays.size >= 3 && !hoursOfDay.has(hourOfDay);
        if (aboveBaseline || unusualHour) {
          if (burst.length === 0) burstBaseline = baselineMax;
          burst.push(...hourEvents);
          if (unusualHour) offHours = true;
        }
      }
      baselineMax = Math.max(baselineMax, n);
      baselineDays.add(Math.floor(at / (24 * HOUR_MS)));
      hoursOfDay.add(hourOfDay);
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
    const who = whoOf(actor, owner);
    const hours = new Set(burst.map((e) => hourOf(e.timeMs))).size;
    detections.push({
      id: `call-rate:${key}`,
      kind: "call-rate",
      severity: regions.length > 2 || offHours ? "high" : "medium",
      title:
        regions.length > 1
          ? msg`${who} made ${plural(burst.length, { one: "# call", other: "# calls" })} in ${plural(hours, { one: "# burst hour", other: "# burst hours" })} across ${plural(regions.length, { one: "# region", other: "# regions" })}`
          : msg`${who} made ${plural(burst.length, { one: "# call", other: "# calls" })} in ${plural(hours, { one: "# burst hour", other: "# burst hours" })}`,
      explanation: offHours
        ? msg`Its busiest hour before the burst had ${plural(burstBaseline, { one: "# call", other: "# calls" })}. Some of these calls came at an hour of the day it had never been active before. A sudden burst can be automation gone wrong or someone else using the credential.`
        : msg`Its busiest hour before the burst had ${plural(burstBaseline, { one: "# call", other: "# calls" })}. A sudden burst can be automation gone wrong or someone else using the credential.`,
      subject:
        owner && actor.kind === "accessKey" ? { ...actor, owner } : actor,
      evidence: [
        {
          label: msg`Calls in its busiest earlier hour`,
          values: [String(burstBaseline)],
        },
        { label: msg`Actions in the burst`, values: topNames(burst) },
        { label: msg`Regions`, values: regions },
        {
          label: msg`Addresses`,
          values: distinct(burst.map((e) => e.sourceIp)).slice(0, 10),
        },
      ],
      firstMs: burst[0]!.timeMs,
      lastMs: burst.at(-1)!.timeMs,
      regions,
      eventIds: burst.map((e) => e.id),
      filters: [condition],
      pivots: names.slice(0, 3).map((name) => ({
        label: msg`${name} events`,
        filters: [condition, { key: "EventName", value: name }],
      })),
    });
  }
  return detections;
}
