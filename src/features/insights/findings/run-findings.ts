import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { indexRules } from "@/lib/sigma/evaluate";
import type { StatefulDetector } from "../detectors/catalog";
import { distinct, isAddress, timed } from "../detectors/types";
import {
  detectionSignal,
  groupFindings,
  resourceOf,
  ruleSignals,
  type Finding,
  type Signal,
} from "./group-findings";

export interface FindingsInput {
  events: readonly AuditEvent[];
  rules: readonly CompiledRule[];
  detectors: readonly StatefulDetector[];
  /** Rule and detector IDs switched off (the rules store's `disabled`). */
  disabled: ReadonlySet<string>;
}

/** Unique by event ID, oldest first: what every rule and detector sees. */
export function uniqueEvents(events: readonly AuditEvent[]): AuditEvent[] {
  const byId = new Map<string, AuditEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  return timed([...byId.values()]);
}

/**
 * The enabled Sigma rules and stateful detectors over the events, grouped
 * into ranked findings. Pure: the worker and the tests call the same function.
 */
/** The most events of one finding handed back with it (what "Add to case" pins). */
export const FINDING_EVENTS_MAX = 200;

/** A detection's addresses and its one resource, read from the events behind it. */
function withEventFacts(
  signal: Signal,
  byId: ReadonlyMap<string, AuditEvent>,
): Signal {
  const events = signal.eventIds.flatMap((id) => byId.get(id) ?? []);
  const named = events.flatMap((e) => resourceOf(e) ?? []);
  const one = distinct(named.map((r) => `${r.type}:${r.name}`)).length === 1;
  // Only when every event that names a resource names the same one.
  const resource = one ? named[0] : undefined;
  return {
    ...signal,
    sourceIps: distinct(events.map((e) => e.sourceIp).filter(isAddress)),
    resourceName: resource?.name,
    resource: resource ? `${resource.type}:${resource.name}` : undefined,
  };
}

export function runFindings(input: FindingsInput): {
  findings: Finding[];
  examined: number;
  /** The events behind the findings (up to FINDING_EVENTS_MAX of each), oldest first. */
  events: AuditEvent[];
  /** Every signal before grouping (a read under way groups those of all its parts). */
  signals: Signal[];
} {
  const events = uniqueEvents(input.events);
  const rules = input.rules.filter((r) => !input.disabled.has(r.meta.id));
  const signals = ruleSignals(indexRules(rules), events);
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const detector of input.detectors) {
    if (input.disabled.has(detector.name)) continue;
    for (const d of detector.detect(events))
      signals.push(withEventFacts(detectionSignal(d), byId));
  }
  const findings = groupFindings(signals);
  const behind = new Set(
    findings.flatMap((f) => f.eventIds.slice(0, FINDING_EVENTS_MAX)),
  );
  return {
    findings,
    examined: events.length,
    events: events.filter((e) => behind.has(e.id)),
    signals,
  };
}
