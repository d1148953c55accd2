/**
 * Rules users paste or import: validation (each refusal with its line and
 * reason, per YAML document), and export of a pack as one multi-document
 * Sigma YAML file. Storage and UI come elsewhere; this is pure.
 */
import { compileRules, type CompiledRule, type Refusal } from "./compile";

/** Larger pastes are refused before parsing (a rule is a few KB). */
export const MAX_USER_RULES_CHARS = 1_000_000;

export interface UserRuleRefusal extends Refusal {
  /** 1-based position of the YAML document in the text. */
  document: number;
  /** The rule's title when it could be read. */
  title?: string;
}

export interface UserRulesResult {
  rules: CompiledRule[];
  refusals: UserRuleRefusal[];
}

/** FNV-1a, for a stable ID of a rule that has none. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Validates user-pasted Sigma YAML (one or more rules separated by `---`).
 * Rules without an `id` get `user-<hash of the rule text>`; an id already used
 * by the pack (`takenIds`) or earlier in the text is refused.
 */
export function validateUserRules(
  text: string,
  takenIds: Iterable<string> = [],
): UserRulesResult {
  if (text.length > MAX_USER_RULES_CHARS)
    return {
      rules: [],
      refusals: [
        {
          document: 0,
          line: 0,
          reason: `the text is larger than ${MAX_USER_RULES_CHARS.toLocaleString("en-US")} characters`,
        },
      ],
    };
  const taken = new Set(takenIds);
  const rules: CompiledRule[] = [];
  const refusals: UserRuleRefusal[] = [];
  const results = compileRules(text);
  if (results.length === 0)
    refusals.push({ document: 0, line: 0, reason: "the text holds no rule" });
  results.forEach((result, i) => {
    const document = i + 1;
    if (!result.ok) {
      for (const r of result.refusals)
        refusals.push(
          result.title
            ? { ...r, document, title: result.title }
            : { ...r, document },
        );
      return;
    }
    const rule = result.rule.meta.id
      ? result.rule
      : {
          ...result.rule,
          meta: { ...result.rule.meta, id: `user-${hash(result.rule.source)}` },
        };
    if (taken.has(rule.meta.id)) {
      const lines = text.split("\n");
      const at = lines.findIndex(
        (l, n) => n >= rule.line - 1 && /^id:/.test(l),
      );
      const line = at >= 0 ? at + 1 : rule.line;
      refusals.push({
        document,
        line,
        reason: `the id ${rule.meta.id} is already used by another rule`,
        title: rule.meta.title,
      });
      return;
    }
    taken.add(rule.meta.id);
    rules.push(rule);
  });
  return { rules, refusals };
}

/** A rule and whether the user has switched it on. */
export interface RuleSwitch {
  rule: CompiledRule;
  enabled: boolean;
}

/**
 * The rules as one Sigma YAML file (documents separated by `---`), the shipped
 * pack and user rules alike; switched-off rules are left out unless asked.
 * Each document is the rule's own text, so importing the file gives the same rules.
 */
export function exportRules(
  rules: readonly RuleSwitch[],
  { includeDisabled = false }: { includeDisabled?: boolean } = {},
): string {
  return rules
    .filter((r) => r.enabled || includeDisabled)
    .map((r) => r.rule.source.replace(/^---\s*\n/, "").trimEnd() + "\n")
    .join("---\n");
}
