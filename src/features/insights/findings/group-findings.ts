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
  /** The user who owns the actor's AccessKey, when known: links the key's and the user's signals. */
  owner?: string;
  /** `ResourceType:ResourceName` when the events name one. */
  resource?: string;
  firstMs: number;
  lastMs: number;
  regions: string[];
  eventIds: string[];
  /** A stateful detection's own words and evidence (message descriptors, so the card shows them in the reader's language). */
  detail?: Pick<
    Detection,
    "title" | "explanation" | "evidence" | "filters" | "pivots"
  >;
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
    owner: event.userName || undefined,
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
    owner: detection.subject.owner,
    firstMs: detection.firstMs,
    lastMs: detection.lastMs,
    regions: detection.regions,
    eventIds: detection.eventIds,
    detail: {
      title: detection.title,
      explanation: detection.explanation,
      evidence: detection.evidence,
      filters: detection.filters,
      pivots: detection.pivots,
    },
  };
}

const actorKey = (actor: Actor): string => `${actor.kind}:${actor.value}`;

/** The keys a signal links together: its actor, the actor's owning user, else its resource. */
function linksOf(signal: Signal): string[] {
  if (signal.actor) {
    const links = [actorKey(signal.actor)];
    if (signal.actor.kind === "accessKey" && signal.owner)
      links.push(`user:${signal.owner}`);
    return links;
  }
  return [
    signal.resource ? `resource:${signal.resource}` : `signal:${signal.id}`,
  ];
}

/** Union-find over link keys: a user and the AccessKeys it owns are one actor. */
function connect(signals: readonly Signal[]): Map<string, Signal[]> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  for (const s of signals) {
    const [head, ...rest] = linksOf(s);
    if (head === undefined) continue;
    if (!parent.has(head)) parent.set(head, head);
    for (const k of rest) {
      if (!parent.has(k)) parent.set(k, k);
      const a = find(head);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<string, Signal[]>();
  for (const s of signals) {
    const root = find(linksOf(s)[0] ?? `signal:${s.id}`);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  }
  return groups;
}

/** A group's key: its user when it has one, else its first key in order (stable across ranges). */
function groupKey(list: readonly Signal[]): string {
  const keys = [...new Set(list.flatMap(linksOf))].sort();
  return keys.find((k) => k.startsWith("user:")) ?? keys[0] ?? "";
}

const union = (lists: readonly (readonly string[])[]): string[] => [
  ...new Set(lists.flat()),
];

/**
 * Signals grouped by actor (a user with its AccessKeys; else by resource) into findings, each with its
 * timeline oldest first; findings ranked by severity, then the newest first.
 * Repeated hits of one rule by one actor (the same port opened again and
 * again) stay one finding.
 */
export function groupFindings(signals: readonly Signal[]): Finding[] {
  const findings: Finding[] = [];
  for (const list of connect(signals).values()) {
    const key = groupKey(list);
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
      actor:
        timeline.find((s) => s.actor?.kind === "user")?.actor ?? first.actor,
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
