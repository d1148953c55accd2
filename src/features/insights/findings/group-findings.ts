import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { matchingRules, type RuleIndex } from "@/lib/sigma/evaluate";
import {
  actorKind,
  actorOf,
  byTime,
  isAddress,
  type Detection,
} from "../detectors/types";

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
  /** The resource's bare name or ID (what Investigate → Resource looks up). */
  resourceName?: string;
  /** The addresses the signal's events came from. */
  sourceIps?: string[];
  /** A rule hit: whether its address and region were new for the actor, and the request's parameters. */
  facts?: RuleFacts;
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

/** Whether a value was seen for the actor earlier within the range: "none" when the actor had no earlier activity (no baseline). */
export type Novelty = "new" | "usual" | "none";

export interface RuleFacts {
  ip: string;
  ipNovelty: Novelty;
  region: string;
  regionNovelty: Novelty;
  /** The request's notable parameters, as the event holds them. */
  params: [string, string][];
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
  /** The addresses its events came from. */
  sourceIps: string[];
  /** The bare names or IDs of the resources it concerns. */
  resourceNames: string[];
}

/** Request parameters that name a resource, in the order tried. */
const RESOURCE_PARAMS: [string, string][] = [
  ["SecurityGroupId", "ACS::ECS::SecurityGroup"],
  ["BucketName", "ACS::OSS::Bucket"],
  ["bucketName", "ACS::OSS::Bucket"],
  ["InstanceId", "ACS::ECS::Instance"],
  ["DBInstanceId", "ACS::RDS::DBInstance"],
  ["KeyId", "ACS::KMS::Key"],
  ["TrailName", "ACS::ActionTrail::Trail"],
  ["PolicyName", "ACS::RAM::Policy"],
  ["RoleName", "ACS::RAM::Role"],
  ["UserName", "ACS::RAM::User"],
];

/** Parameters that say nothing about what was done (transport and signing). */
const NOISE_PARAMS = new Set(
  [
    "RequestId",
    "AcsHost",
    "AcsProduct",
    "HostId",
    "AcceptLanguage",
    "AccessKeyId",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureVersion",
    "Timestamp",
    "Format",
    "Version",
    "RegionId",
    "ClientToken",
  ].map((k) => k.toLowerCase()),
);

const scalar = (v: unknown): string | undefined =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? String(v)
    : undefined;

const recordOf = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** The resource an event names: its resourceName, else a parameter that names one, else its referenced resources. */
export function resourceOf(
  event: AuditEvent,
): { type: string; name: string } | undefined {
  if (event.resourceName)
    return {
      type: event.resourceType || "resource",
      name: event.resourceName.split(";")[0] ?? event.resourceName,
    };
  const params = recordOf(event.raw.requestParameters);
  for (const [key, type] of RESOURCE_PARAMS) {
    const name = scalar(params?.[key]);
    if (name) return { type, name };
  }
  const referenced = recordOf(event.raw.referencedResources);
  for (const [type, names] of Object.entries(referenced ?? {})) {
    const name = Array.isArray(names) ? scalar(names[0]) : undefined;
    if (name) return { type, name };
  }
  return undefined;
}

/** Up to eight scalar request parameters that say what was asked for. */
export function notableParams(event: AuditEvent): [string, string][] {
  const params = recordOf(event.raw.requestParameters) ?? {};
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(params)) {
    const text = scalar(value);
    if (
      text === undefined ||
      text === "" ||
      NOISE_PARAMS.has(key.toLowerCase())
    )
      continue;
    out.push([key, text]);
    if (out.length === 8) break;
  }
  return out;
}

const novelty = (seen: Set<string>, value: string, any: boolean): Novelty =>
  !any ? "none" : seen.has(value) ? "usual" : "new";

/** What an actor did before the hit being judged: its events oldest first, how many are behind, their addresses and regions. */
interface History {
  events: AuditEvent[];
  at: number;
  ips: Set<string>;
  regions: Set<string>;
}

/**
 * A Sigma hit per (rule, event): the rule's level, the event's actor and
 * resource, and whether its address and region were new for the actor
 * (judged against the actor's earlier events in the list: earlier by time,
 * then by ID, as `byTime` orders them). The events need not be in order and
 * must be unique by ID; the signals come oldest first.
 *
 * Every event meets only the rules its name allows and builds nothing unless
 * it is a hit; the history is gathered afterwards, and only for the actors
 * that have a hit.
 */
export function ruleSignals(
  index: RuleIndex,
  events: readonly AuditEvent[],
): Signal[] {
  const hits: { event: AuditEvent; rules: readonly CompiledRule[] }[] = [];
  for (const event of events) {
    const rules = matchingRules(index, event.raw);
    if (rules.length > 0) hits.push({ event, rules });
  }
  if (hits.length === 0) return [];
  hits.sort((a, b) => byTime(a.event, b.event));
  // The events of each actor with a hit, by AccessKey and by user name.
  const byKey = new Map<string, History>();
  const byUser = new Map<string, History>();
  const fresh = (): History => ({
    events: [],
    at: 0,
    ips: new Set(),
    regions: new Set(),
  });
  const historyOf = (event: AuditEvent): History | undefined => {
    const kind = actorKind(event);
    return kind === "accessKey"
      ? byKey.get(event.accessKeyId)
      : kind === "user"
        ? byUser.get(event.userName)
        : undefined;
  };
  for (const { event } of hits) {
    const kind = actorKind(event);
    if (kind === "accessKey" && !byKey.has(event.accessKeyId))
      byKey.set(event.accessKeyId, fresh());
    if (kind === "user" && !byUser.has(event.userName))
      byUser.set(event.userName, fresh());
  }
  for (const event of events) historyOf(event)?.events.push(event);
  for (const h of [...byKey.values(), ...byUser.values()])
    h.events.sort(byTime);

  const signals: Signal[] = [];
  for (const { event, rules } of hits) {
    const h = historyOf(event);
    if (h)
      for (; h.at < h.events.length; h.at++) {
        const earlier = h.events[h.at]!;
        if (byTime(earlier, event) >= 0) break;
        if (earlier.sourceIp) h.ips.add(earlier.sourceIp);
        if (earlier.region) h.regions.add(earlier.region);
      }
    const any = h !== undefined && h.at > 0;
    const facts: RuleFacts = {
      ip: event.sourceIp,
      ipNovelty: novelty(h?.ips ?? new Set(), event.sourceIp, any),
      region: event.region,
      regionNovelty: novelty(h?.regions ?? new Set(), event.region, any),
      params: notableParams(event),
    };
    for (const rule of rules) signals.push(ruleSignal(rule, event, facts));
  }
  return signals;
}

function ruleSignal(
  rule: CompiledRule,
  event: AuditEvent,
  facts: RuleFacts,
): Signal {
  const resource = resourceOf(event);
  return {
    id: `${rule.meta.id}:${event.id}`,
    source: "rule",
    ruleId: rule.meta.id,
    severity: rule.meta.level,
    actor: actorOf(event),
    owner: event.userName || undefined,
    resource: resource ? `${resource.type}:${resource.name}` : undefined,
    resourceName: resource?.name,
    sourceIps: isAddress(event.sourceIp) ? [event.sourceIp] : [],
    facts,
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
      sourceIps: union(timeline.map((s) => s.sourceIps ?? [])),
      resourceNames: union(
        timeline.map((s) => (s.resourceName ? [s.resourceName] : [])),
      ),
    });
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.lastMs - a.lastMs ||
      (a.key < b.key ? -1 : 1),
  );
}
