import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { indexRules } from "@/lib/sigma/evaluate";
import type { StatefulDetector } from "../detectors/catalog";
import { byTime, distinct, isAddress } from "../detectors/types";
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

/** Unique by event ID (the first of each kept) and with a usable time, in the order given. */
function distinctTimed(events: readonly AuditEvent[]): AuditEvent[] {
  const ids = new Set<string>();
  const out: AuditEvent[] = [];
  for (const e of events)
    if (!ids.has(e.id)) {
      ids.add(e.id);
      if (Number.isFinite(e.timeMs)) out.push(e);
    }
  return out;
}

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

/**
 * The enabled Sigma rules and stateful detectors over the events (unique by
 * ID, with a usable time), grouped into ranked findings. Pure: the worker and
 * the tests call the same function.
 */
export function runFindings(input: FindingsInput): {
  findings: Finding[];
  examined: number;
  /** The events behind the findings (up to FINDING_EVENTS_MAX of each), oldest first. */
  events: AuditEvent[];
  /** Every signal before grouping (a read under way groups those of all its parts). */
  signals: Signal[];
} {
  // The rules need no order (their signals come oldest first); only the
  // stateful detectors need the events sorted, and the lookup by ID.
  const unique = distinctTimed(input.events);
  const rules = input.rules.filter((r) => !input.disabled.has(r.meta.id));
  const signals = ruleSignals(indexRules(rules), unique);
  const detectors = input.detectors.filter((d) => !input.disabled.has(d.name));
  if (detectors.length > 0) {
    const events = unique.sort(byTime);
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const detector of detectors)
      for (const d of detector.detect(events))
        signals.push(withEventFacts(detectionSignal(d), byId));
  }
  const findings = groupFindings(signals);
  const behind = new Set(
    findings.flatMap((f) => f.eventIds.slice(0, FINDING_EVENTS_MAX)),
  );
  return {
    findings,
    examined: unique.length,
    events: unique.filter((e) => behind.has(e.id)).sort(byTime),
    signals,
  };
}
