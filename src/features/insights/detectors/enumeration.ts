import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import {
  actorOf,
  distinct,
  groupBy,
  HOUR_MS,
  timed,
  topNames,
  whoOf,
  type Detection,
} from "./types";

export interface EnumerationOptions {
  /** An hour needs read calls to at least this many services… */
  minServices: number;
  /** …and this many distinct read actions. */
  minActions: number;
  /** How much of its own history an actor needs before an hour is judged… */
  minHistoryMs: number;
  /** …unless it had been silent this long since the range started (a dormant credential's first hour is judged). */
  dormantAfterMs: number;
  /** Start of the range looked at (epoch ms); defaults to the oldest event. */
  rangeStartMs?: number;
}

const DEFAULTS: EnumerationOptions = {
  minServices: 4,
  minActions: 10,
  minHistoryMs: 24 * HOUR_MS,
  dormantAfterMs: 7 * 24 * HOUR_MS,
};

const READ_NAME = /^(Describe|List|Get|Lookup|Query|Search|Check)/;
const DENIED = /NoPermission|Forbidden|Denied|Unauthorized/i;

export const isReadCall = (e: AuditEvent): boolean =>
  e.rw === "Read" || READ_NAME.test(e.name);

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/**
 * One identity enumerating: within one clock hour, read calls (Describe, List,
 * Get…) to many services and actions, more services than the actor read in
 * any earlier hour of the range. The actor's own earlier hours are the
 * baseline (its first day only teaches), so a scanner or an infrastructure
 * tool that sweeps every day is not reported; a credential with no history
 * is not judged, except when it wakes up after a long silence in the range
 * (then its first sweep is exactly what to report).
 */
export function detectEnumeration(
  events: readonly AuditEvent[],
  options: Partial<EnumerationOptions> = {},
): Detection[] {
  const {
    minServices,
    minActions,
    minHistoryMs,
    dormantAfterMs,
    rangeStartMs,
  } = { ...DEFAULTS, ...options };
  const oldest = timed(events)[0]?.timeMs ?? 0;
  const rangeStart = Math.min(rangeStartMs ?? oldest, oldest);
  const detections: Detection[] = [];
  const byActor = groupBy(timed(events).filter(isReadCall), (e) => {
    const actor = actorOf(e);
    return actor ? `${actor.kind}:${actor.value}` : undefined;
  });
  for (const [key, list] of byActor) {
    let widestBefore = 0;
    const startMs = list[0]!.timeMs;
    // Silent this long since the range began: a dormant credential waking up,
    // or an identity the range watched being absent for a day (a new one).
    const dormant =
      startMs - rangeStart >= Math.min(dormantAfterMs, minHistoryMs);
    const flagged: AuditEvent[] = [];
    for (const hour of groupBy(list, (e) =>
      String(hourOf(e.timeMs)),
    ).values()) {
      const services = new Set(hour.map((e) => e.service || e.source)).size;
      const actions = new Set(hour.map((e) => `${e.service}:${e.name}`)).size;
      if (
        (dormant || hour[0]!.timeMs - startMs >= minHistoryMs) &&
        services >= minServices &&
        actions >= minActions &&
        services > widestBefore
      )
        flagged.push(...hour);
      widestBefore = Math.max(widestBefore, services);
    }
    if (flagged.length === 0) continue;
    const actor = actorOf(list[0]!)!;
    const owner = distinct(list.map((e) => e.userName).filter(Boolean))[0];
    const who = whoOf(actor, owner);
    const hours = new Set(flagged.map((e) => hourOf(e.timeMs))).size;
    const actions = new Set(flagged.map((e) => e.name)).size;
    const condition =
      actor.kind === "accessKey"
        ? { key: "EventAccessKeyId", value: actor.value }
        : { key: "User", value: actor.value };
    const services = distinct(flagged.map((e) => e.service).filter(Boolean));
    const denied = flagged.filter((e) => DENIED.test(e.errorCode));
    const regions = distinct(flagged.map((e) => e.region).filter(Boolean));
    detections.push({
      id: `enumeration:${key}`,
      kind: "enumeration",
      severity:
        denied.length * 3 >= flagged.length || services.length >= 6
          ? "high"
          : "medium",
      title: msg`${who} listed ${plural(services.length, { one: "# service", other: "# services" })} in ${plural(hours, { one: "# hour", other: "# hours" })}`,
      explanation: denied.length
        ? msg`${plural(flagged.length, { one: "# read call", other: "# read calls" })} (${plural(actions, { one: "# action", other: "# actions" })}) across more services at once than it ever read before in the range; ${plural(denied.length, { one: "# call was", other: "# calls were" })} refused. Someone mapping what a credential can see does this first.`
        : msg`${plural(flagged.length, { one: "# read call", other: "# read calls" })} (${plural(actions, { one: "# action", other: "# actions" })}) across more services at once than it ever read before in the range. Someone mapping what a credential can see does this first.`,
      subject:
        owner && actor.kind === "accessKey" ? { ...actor, owner } : actor,
      evidence: [
        { label: msg`Services`, values: services },
        { label: msg`Actions`, values: topNames(flagged, 8) },
        {
          label: msg`Refused calls`,
          values: [
            String(denied.length),
            ...distinct(denied.map((e) => e.errorCode)),
          ],
        },
        {
          label: msg`Addresses`,
          values: distinct(flagged.map((e) => e.sourceIp)).slice(0, 10),
        },
        { label: msg`Regions`, values: regions },
      ],
      firstMs: flagged[0]!.timeMs,
      lastMs: flagged.at(-1)!.timeMs,
      regions,
      eventIds: flagged.map((e) => e.id),
      filters: [condition],
      pivots: services.slice(0, 3).map((service) => ({
        label: msg`${service} calls`,
        filters: [condition, { key: "ServiceName", value: service }],
      })),
    });
  }
  return detections;
}
