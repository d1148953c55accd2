import type { MessageDescriptor } from "@lingui/core";
import type { AuditEvent } from "@/api/schemas/event";
import type { SearchCondition } from "@/lib/event-search-url";

export type Severity = "high" | "medium" | "low";

export type DetectionKind =
  | "new-address"
  | "call-rate"
  | "error-rate"
  | "signin-failures"
  | "no-mfa-signin"
  | "sensitive-action"
  | "dormant-credential"
  | "enumeration";

/**
 * Trailscope's own words about a detection, as message descriptors (Lingui
 * `msg`): the detectors run in a worker with no language, and the card shows
 * them in the reader's language. Values from events are passed in as they are.
 */
export type Words = MessageDescriptor;

export interface Evidence {
  label: Words;
  /** Values from the events (hostile text), shown as they are. */
  values: string[];
  /** The values are event times (ISO 8601), shown in the reader's zone and language. */
  times?: boolean;
  /** Trailscope's own word for the value (yes, no, not recorded), shown after the values. */
  note?: Words;
}

/** One thing Trailscope noticed in the loaded events, explained in plain words. */
export interface Detection {
  /** Stable across runs over the same events. */
  id: string;
  kind: DetectionKind;
  severity: Severity;
  title: Words;
  explanation: Words;
  /** Who or what it is about: a user name or an AccessKey ID. */
  subject: { kind: "user" | "accessKey"; value: string; owner?: string };
  evidence: Evidence[];
  firstMs: number;
  lastMs: number;
  regions: string[];
  eventIds: string[];
  /** The event-search conditions that show the evidence. */
  filters: SearchCondition[];
  /** Extra links: a label and the conditions for it. */
  pivots: { label: Words; filters: SearchCondition[] }[];
}

export type Detector = (events: readonly AuditEvent[]) => Detection[];

export const HOUR_MS = 3_600_000;

/** The share of the loaded window (its oldest part) that serves as an actor's baseline. */
export const BASELINE_SHARE = 0.4;

/** Distinct values in first-seen order. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function groupBy<T>(
  items: Iterable<T>,
  key: (item: T) => string | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined || k === "") continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const byTime = (a: AuditEvent, b: AuditEvent): number =>
  a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Events with a usable time, oldest first (a copy; events already so are not sorted again). */
export function timed(events: readonly AuditEvent[]): AuditEvent[] {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (!Number.isFinite(e.timeMs) || (i > 0 && byTime(events[i - 1]!, e) > 0))
      return events.filter((x) => Number.isFinite(x.timeMs)).sort(byTime);
  }
  return events.slice();
}

/**
 * The events of a list sorted by time, cut into the clock hours they fall
 * in, oldest first (what grouping them by hour gives, without a key per event).
 */
export function hourRuns(sorted: readonly AuditEvent[]): AuditEvent[][] {
  const runs: AuditEvent[][] = [];
  let hour = NaN;
  let run: AuditEvent[] = [];
  for (const e of sorted) {
    const h = Math.floor(e.timeMs / HOUR_MS);
    if (h !== hour) {
      run = [];
      runs.push(run);
      hour = h;
    }
    run.push(e);
  }
  return runs;
}

/**
 * The kind of actor an event is attributed to: "accessKey" when it used a
 * long-term key, else "user" when it names one (the value is then
 * `event.accessKeyId` or `event.userName`). Builds nothing, for loops over
 * every event; `actorOf` gives the actor itself.
 */
export function actorKind(event: AuditEvent): "user" | "accessKey" | undefined {
  if (event.identityType === "system") return undefined;
  if (event.accessKeyId && !event.accessKeyId.startsWith("STS."))
    return "accessKey";
  if (event.userName) return "user";
  return undefined;
}

/** The actor an event is attributed to: its AccessKey when it used a long-term key, else the user name. */
export function actorOf(
  event: AuditEvent,
): { kind: "user" | "accessKey"; value: string } | undefined {
  const kind = actorKind(event);
  if (kind === "accessKey") return { kind, value: event.accessKeyId };
  if (kind === "user") return { kind, value: event.userName };
  return undefined;
}

export const isAddress = (ip: string): boolean =>
  ip !== "" && ip.toLowerCase() !== "internal";

/** Top names with counts: "RunInstances ×42". */
export function topNames(events: readonly AuditEvent[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([name, n]) => `${name} ×${n}`);
}

/** How a credential is named in a detection: "AccessKey LTAI… (alice)" or the identity's name. */
export function whoOf(
  actor: { kind: "user" | "accessKey"; value: string },
  owner: string | undefined,
): string {
  if (actor.kind !== "accessKey") return actor.value;
  return owner
    ? `AccessKey ${actor.value} (${owner})`
    : `AccessKey ${actor.value}`;
}
