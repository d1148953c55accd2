import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { matchingRules, type RuleIndex } from "@/lib/sigma/evaluate";
import { actorOf, type Detection } from "../detectors/types";

/** Severity of a finding, most severe first in `SEVERITY_RANK`. */
export type FindingSeverity =
  "critical" | "high" | "medium" | "low" | "informational";

export const SEVERITY_RANK: Record<FindingSeverity, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  informational: 4,
};

export interface Actor {
  kind: "user" | "accessKey";
  value: string;
}

/** One thing that fired: a Sigma rule on one event, or a stateful detection. */
export interface Signal {
  /** Stable across runs over the same events. */
  id: string;
  source: "rule" | "detector";
  /** The rule's id, or the detection's kind. */
  ruleId: string;
  severity: FindingSeverity;
  actor?: Actor;
  /** `ResourceType:ResourceName` when the events name one. */
  resource?: string;
  firstMs: number;
  lastMs: number;
  regions: string[];
  eventIds: string[];
}

/** Signals about one actor (or, without an actor, one resource): what an analyst triages. */
export interface Finding {
  /** `accessKey:LTAI…`, `user:alice`, `resource:…` — stable while the actor is the same. */
  key: string;
  severity: FindingSeverity;
  actor?: Actor;
  resources: string[];
  /** Oldest first: the finding's timeline. */
  signals: Signal[];
  firstMs: number;
  lastMs: number;
  regions: string[];
  eventIds: string[];
}

const resourceOf = (event: AuditEvent): string | undefined =>
  event.resourceName
    ? `${event.resourceType || "resource"}:${event.resourceName.split(";")[0]}`
    : undefined;

/** A Sigma hit per (rule, event): the rule's level, the event's actor and resource. */
export function ruleSignals(
  index: RuleIndex,
  events: readonly AuditEvent[],
): Signal[] {
  const signals: Signal[] = [];
  for (const event of events) {
    for (const rule of matchingRules(index, event.raw))
      signals.push(ruleSignal(rule, event));
  }
  return signals;
}

function ruleSignal(rule: CompiledRule, event: AuditEvent): Signal {
  return {
    id: `${rule.meta.id}:${event.id}`,
    source: "rule",
    ruleId: rule.meta.id,
    severity: rule.meta.level,
    actor: actorOf(event),
    resource: resourceOf(event),
    firstMs: event.timeMs,
    lastMs: event.timeMs,
    regions: event.region ? [event.region] : [],
    eventIds: [event.id],
  };
}

/** A stateful detection as a signal. */
export function detectionSignal(detection: Detection): Signal {
  return {
    id: detection.id,
    source: "detector",
    ruleId: detection.kind,
    severity: detection.severity,
    actor: { kind: detection.subject.kind, value: detection.subject.value },
    firstMs: detection.firstMs,
    lastMs: detection.lastMs,
    regions: detection.regions,
    eventIds: detection.eventIds,
  };
}

const groupKeyOf = (signal: Signal): string =>
  signal.actor
    ? `${signal.actor.kind}:${signal.actor.value}`
    : signal.resource
      ? `resource:${signal.resource}`
      : `signal:${signal.id}`;

const union = (lists: readonly (readonly string[])[]): string[] => [
  ...new Set(lists.flat()),
];

/**
 * Signals grouped by actor (else by resource) into findings, each with its
 * timeline oldest first; findings ranked by severity, then the newest first.
 * Repeated hits of one rule by one actor (the same port opened again and
 * again) stay one finding.
 */
export function groupFindings(signals: readonly Signal[]): Finding[] {
  const groups = new Map<string, Signal[]>();
  for (const s of signals) {
    const key = groupKeyOf(s);
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const findings: Finding[] = [];
  for (const [key, list] of groups) {
    const timeline = [...new Map(list.map((s) => [s.id, s])).values()].sort(
      (a, b) => a.firstMs - b.firstMs || (a.id < b.id ? -1 : 1),
    );
    const first = timeline[0];
    if (!first) continue;
    findings.push({
      key,
      severity: timeline.reduce<FindingSeverity>(
        (worst, s) =>
          SEVERITY_RANK[s.severity] < SEVERITY_RANK[worst] ? s.severity : worst,
        "informational",
      ),
      actor: first.actor,
      resources: union(timeline.map((s) => (s.resource ? [s.resource] : []))),
      signals: timeline,
      firstMs: Math.min(...timeline.map((s) => s.firstMs)),
      lastMs: Math.max(...timeline.map((s) => s.lastMs)),
      regions: union(timeline.map((s) => s.regions)),
      eventIds: union(timeline.map((s) => s.eventIds)),
    });
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.lastMs - a.lastMs ||
      (a.key < b.key ? -1 : 1),
  );
}
