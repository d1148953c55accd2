import type { RuleMeta, RuleWords } from "./compile";

/**
 * A rule's title, description and false-positive notes in the reader's
 * language: the rule's own translation when it carries one
 * (`x-trailscope-i18n`), else its English words. Every screen that names a
 * rule (findings, the rules list, coverage) reads them through here.
 */
export function ruleText(meta: RuleMeta, locale: string): RuleWords {
  const own = meta.i18n?.[locale];
  return {
    title: own?.title || meta.title,
    description: own?.description || meta.description,
    falsepositives: own?.falsepositives?.length
      ? own.falsepositives
      : meta.falsepositives,
  };
}
