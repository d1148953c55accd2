import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { indexRules } from "@/lib/sigma/evaluate";
import type { StatefulDetector } from "../detectors/catalog";
import { timed } from "../detectors/types";
import {
  detectionSignal,
  groupFindings,
  ruleSignals,
  type Finding,
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
export function runFindings(input: FindingsInput): {
  findings: Finding[];
  examined: number;
} {
  const events = uniqueEvents(input.events);
  const rules = input.rules.filter((r) => !input.disabled.has(r.meta.id));
  const signals = ruleSignals(indexRules(rules), events);
  for (const detector of input.detectors) {
    if (input.disabled.has(detector.name)) continue;
    for (const d of detector.detect(events)) signals.push(detectionSignal(d));
  }
  return { findings: groupFindings(signals), examined: events.length };
}
