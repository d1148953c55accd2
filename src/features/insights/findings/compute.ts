import type { AuditEvent } from "@/api/schemas/event";
import { compileRule, type CompiledRule } from "@/lib/sigma/compile";
import { packRules } from "@/lib/sigma/rule-pack";
import { DETECTOR_CATALOG } from "../detectors/catalog";
import type { Finding, Signal } from "./group-findings";
import { runFindings } from "./run-findings";

/** What the findings worker is asked: the events, the user's rules (YAML) and the switched-off IDs. */
export interface FindingsJob {
  events: AuditEvent[];
  userRules: string[];
  disabled: string[];
  /**
   * Only the single-event rules, and the signals back: a part of a read
   * still under way (rule hits do not change as more events arrive; the
   * stateful detectors wait for the whole read).
   */
  rulesOnly?: boolean;
}

export interface FindingsResult {
  findings: Finding[];
  examined: number;
  /** The events behind the findings (what "Add to case" pins). */
  events: AuditEvent[];
  /** Rule titles and levels by id, for the view (the pack's and the user's). */
  rules: Record<string, CompiledRule["meta"]>;
  /** With `rulesOnly`: the rule signals, for grouping with the other parts'. */
  signals?: Signal[];
}

/** The shipped pack plus the user's rules that compile (the rules screen reports the others). */
export function computeFindings(job: FindingsJob): FindingsResult {
  const rules: CompiledRule[] = [...packRules()];
  for (const yaml of job.userRules) {
    const compiled = compileRule(yaml, { strict: false });
    if (compiled.ok) rules.push(compiled.rule);
  }
  const { findings, examined, events, signals } = runFindings({
    events: job.events,
    rules,
    detectors: job.rulesOnly ? [] : DETECTOR_CATALOG,
    disabled: new Set(job.disabled),
  });
  const used = new Set(findings.flatMap((f) => f.signals.map((s) => s.ruleId)));
  const meta: Record<string, CompiledRule["meta"]> = Object.create(
    null,
  ) as Record<string, CompiledRule["meta"]>;
  for (const r of rules) if (used.has(r.meta.id)) meta[r.meta.id] = r.meta;
  return {
    findings,
    examined,
    events,
    rules: { ...meta },
    ...(job.rulesOnly ? { signals } : {}),
  };
}
