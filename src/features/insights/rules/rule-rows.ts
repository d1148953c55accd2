/**
 * The rules screen's rows: the shipped pack, the user's rules and the
 * stateful detectors in one list, with their words in the reader's language,
 * whether they are switched on, and their hits on the events looked at.
 * Pure: the views only draw what these functions return.
 */
import type { AuditEvent } from "@/api/schemas/event";
import { tacticsOf, techniquesOf } from "@/lib/sigma/attack";
import type { CompiledRule, Level } from "@/lib/sigma/compile";
import type { CoverageSource } from "@/lib/sigma/coverage";
import { evaluateRules } from "@/lib/sigma/evaluate";
import { ruleText } from "@/lib/sigma/rule-text";
import { validateUserRules } from "@/lib/sigma/user-rules";
import type { UserRule } from "@/stores/rules-store";
import type { StatefulDetector } from "../detectors/catalog";

export type RuleSource = "pack" | "user" | "detector";

export interface RuleRow {
  id: string;
  title: string;
  description: string;
  level: Level;
  tactics: string[];
  techniques: string[];
  tags: string[];
  source: RuleSource;
  enabled: boolean;
  /** Events it matched (rules) or that lie behind its detections (detectors). */
  hits: number;
}

export interface RuleHits {
  hits: number;
  /** The first few matching events, newest first as loaded. */
  samples: AuditEvent[];
}

/** The user's stored rules compiled again; a stored rule that no longer compiles is left out. */
export function compileUserRules(
  userRules: readonly UserRule[],
): CompiledRule[] {
  return userRules.flatMap((u) => validateUserRules(u.yaml).rules);
}

/** Hits of each rule on the events, with up to `samples` matching events. */
export function ruleHits(
  rules: readonly CompiledRule[],
  events: readonly AuditEvent[],
  samples = 3,
): Map<string, RuleHits> {
  const positions = evaluateRules(
    rules,
    events.map((e) => e.raw),
  );
  const out = new Map<string, RuleHits>();
  for (const [id, at] of positions)
    out.set(id, {
      hits: at.length,
      samples: at.slice(0, samples).map((i) => events[i]!),
    });
  return out;
}

/** Events behind each detector's detections on the events. */
export function detectorHits(
  detectors: readonly StatefulDetector[],
  events: readonly AuditEvent[],
): Map<string, number> {
  return new Map(
    detectors.map((d) => [
      d.meta.id,
      new Set(d.detect(events).flatMap((x) => x.eventIds)).size,
    ]),
  );
}

interface RowsInput {
  pack: readonly CompiledRule[];
  user: readonly CompiledRule[];
  detectors: readonly StatefulDetector[];
  disabled: readonly string[];
  locale: string;
  hits: ReadonlyMap<string, number>;
}

export function ruleRows({
  pack,
  user,
  detectors,
  disabled,
  locale,
  hits,
}: RowsInput): RuleRow[] {
  const off = new Set(disabled);
  const row = (
    meta: CompiledRule["meta"],
    source: RuleSource,
    words = ruleText(meta, locale),
  ): RuleRow => ({
    id: meta.id,
    title: words.title,
    description: words.description,
    level: meta.level,
    tactics: tacticsOf(meta.tags).map((t) => t.name),
    techniques: techniquesOf(meta.tags),
    tags: meta.tags,
    source,
    enabled: !off.has(meta.id),
    hits: hits.get(meta.id) ?? 0,
  });
  return [
    ...user.map((r) => row(r.meta, "user")),
    ...pack.map((r) => row(r.meta, "pack")),
    ...detectors.map((d) =>
      // Detectors carry their words in both languages, as a rule pack does.
      row({ ...d.meta, status: "stable", logsource: {} }, "detector"),
    ),
  ];
}

export interface RowFilter {
  text: string;
  level: Level | "";
  tactic: string;
}

/** Rows whose title, description, id or technique holds the text, at the level and under the tactic chosen. */
export function filterRows(
  rows: readonly RuleRow[],
  { text, level, tactic }: RowFilter,
): RuleRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!level || r.level === level) &&
      (!tactic || r.tactics.includes(tactic)) &&
      (!needle ||
        [r.title, r.description, r.id, ...r.techniques].some((s) =>
          s.toLowerCase().includes(needle),
        )),
  );
}

/** The switched-on rows as coverage sources. */
export const coverageSources = (rows: readonly RuleRow[]): CoverageSource[] =>
  rows
    .filter((r) => r.enabled)
    .map((r) => ({ id: r.id, title: r.title, tags: r.tags, hits: r.hits }));
