import type { AuditEvent } from "@/api/schemas/event";
import { compileRule, type CompiledRule } from "@/lib/sigma/compile";
import { packRules } from "@/lib/sigma/rule-pack";
import { DETECTOR_CATALOG } from "../detectors/catalog";
import type { Finding, Signal } from "./group-findings";
import { KeptParts } from "./kept-parts";
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
  /**
   * A read under way (`id` names it): `keep` keeps this part's events in the
   * worker; `kept` (the number of events sent in kept parts) runs over those
   * parts followed by this job's events, and releases them.
   */
  read?: { id: string; keep?: true; kept?: number };
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
  /** With `read.kept`: the kept parts were not all there; nothing was run, send every event. */
  partsMissing?: true;
}

/** The parts of reads under way this thread was sent (see FindingsJob.read). */
const keptParts = new KeptParts();

/** User rules compiled once per text (each part of a read brings the same ones). */
const compiledUserRules = new Map<string, CompiledRule | undefined>();
const USER_RULES_REMEMBERED = 500;

function userRule(yaml: string): CompiledRule | undefined {
  if (compiledUserRules.has(yaml)) return compiledUserRules.get(yaml);
  const compiled = compileRule(yaml, { strict: false });
  const rule = compiled.ok ? compiled.rule : undefined;
  if (compiledUserRules.size >= USER_RULES_REMEMBERED)
    compiledUserRules.clear();
  compiledUserRules.set(yaml, rule);
  return rule;
}

/** The shipped pack plus the user's rules that compile (the rules screen reports the others). */
export function computeFindings(job: FindingsJob): FindingsResult {
  const rules: CompiledRule[] = [...packRules()];
  for (const yaml of job.userRules) {
    const rule = userRule(yaml);
    if (rule) rules.push(rule);
  }
  let input = job.events;
  if (job.read?.keep) keptParts.keep(job.read.id, job.events);
  if (job.read?.kept !== undefined) {
    const kept = keptParts.take(job.read.id, job.read.kept);
    if (!kept)
      return {
        findings: [],
        examined: 0,
        events: [],
        rules: {},
        partsMissing: true,
      };
    input = kept.length ? kept.concat(job.events) : job.events;
  }
  const { findings, examined, events, signals } = runFindings({
    events: input,
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
