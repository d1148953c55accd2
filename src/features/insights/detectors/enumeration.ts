import type { AuditEvent } from "@/api/schemas/event";
import {
  actorOf,
  distinct,
  groupBy,
  HOUR_MS,
  plural,
  timed,
  topNames,
  type Detection,
} from "./types";

export interface EnumerationOptions {
  /** An hour needs read calls to at least this many services… */
  minServices: number;
  /** …and this many distinct read actions. */
  minActions: number;
}

const DEFAULTS: EnumerationOptions = { minServices: 4, minActions: 10 };

const READ_NAME = /^(Describe|List|Get|Lookup|Query|Search|Check)/;
const DENIED = /NoPermission|Forbidden|Denied|Unauthorized/i;

export const isReadCall = (e: AuditEvent): boolean =>
  e.rw === "Read" || READ_NAME.test(e.name);

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS);

/**
 * One identity enumerating: within one clock hour, read calls (Describe, List,
 * Get…) to many services and actions, more services than the actor read in
 * any earlier hour of the range. The actor's own earlier hours are the
 * baseline, so a scanner that does this every hour is reported once, for its
 * first hour in the range.
 */
export function detectEnumeration(
  events: readonly AuditEvent[],
  options: Partial<EnumerationOptions> = {},
): Detection[] {
  const { minServices, minActions } = { ...DEFAULTS, ...options };
  const detections: Detection[] = [];
  const byActor = groupBy(timed(events).filter(isReadCall), (e) => {
    const actor = actorOf(e);
    return actor ? `${actor.kind}:${actor.value}` : undefined;
  });
  for (const [key, list] of byActor) {
    let widestBefore = 0;
    const flagged: AuditEvent[] = [];
    for (const hour of groupBy(list, (e) =>
      String(hourOf(e.timeMs)),
    ).values()) {
      const services = new Set(hour.map((e) => e.service || e.source)).size;
      const actions = new Set(hour.map((e) => `${e.service}:${e.name}`)).size;
      if (
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
    const who =
      actor.kind === "accessKey"
        ? `AccessKey ${actor.value}${owner ? ` (${owner})` : ""}`
        : actor.value;
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
      title: `${who} listed ${plural(services.length, "service")} in ${plural(new Set(flagged.map((e) => hourOf(e.timeMs))).size, "hour")}`,
      explanation: `${plural(flagged.length, "read call")} (${plural(new Set(flagged.map((e) => e.name)).size, "action")}) across ${services.join(", ")}, more services at once than it ever read before in the range${denied.length ? `; ${plural(denied.length, "call was", "calls were")} refused` : ""}. Someone mapping what a credential can see does this first.`,
      subject:
        owner && actor.kind === "accessKey" ? { ...actor, owner } : actor,
      evidence: [
        { label: "Services", values: services },
        { label: "Actions", values: topNames(flagged, 8) },
        {
          label: "Refused calls",
          values: [
            String(denied.length),
            ...distinct(denied.map((e) => e.errorCode)),
          ],
        },
        {
          label: "Addresses",
          values: distinct(flagged.map((e) => e.sourceIp)).slice(0, 10),
        },
        { label: "Regions", values: regions },
      ],
      firstMs: flagged[0]!.timeMs,
      lastMs: flagged.at(-1)!.timeMs,
      regions,
      eventIds: flagged.map((e) => e.id),
      filters: [condition],
      pivots: services.slice(0, 3).map((service) => ({
        label: `${service} calls`,
        filters: [condition, { key: "ServiceName", value: service }],
      })),
    });
  }
  return detections;
}
