import type { CompiledRule } from "./compile";

/**
 * Rules indexed by the event names they require, so each event is tried only
 * against the rules that can match it (most rules name their API calls).
 */
export interface RuleIndex {
  byName: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Rules that may match any event name. */
  any: readonly CompiledRule[];
}

export function indexRules(rules: readonly CompiledRule[]): RuleIndex {
  const byName = new Map<string, CompiledRule[]>();
  const any: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.eventNames) {
      any.push(rule);
      continue;
    }
    for (const name of rule.eventNames) {
      const list = byName.get(name);
      if (list) list.push(rule);
      else byName.set(name, [rule]);
    }
  }
  return { byName, any };
}

const nameOf = (event: unknown): string =>
  typeof event === "object" &&
  event !== null &&
  Object.hasOwn(event, "eventName") &&
  typeof (event as { eventName: unknown }).eventName === "string"
    ? (event as { eventName: string }).eventName.toLowerCase()
    : "";

/** The rules a wire event matches, in index order. */
export function matchingRules(
  index: RuleIndex,
  event: unknown,
): CompiledRule[] {
  const hits: CompiledRule[] = [];
  const named = index.byName.get(nameOf(event));
  if (named) for (const rule of named) if (rule.match(event)) hits.push(rule);
  for (const rule of index.any) if (rule.match(event)) hits.push(rule);
  return hits;
}

/** For each rule ID with hits, the positions of the events it matched (wire events: `AuditEvent.raw`). */
export function evaluateRules(
  rules: readonly CompiledRule[] | RuleIndex,
  events: readonly unknown[],
): Map<string, number[]> {
  const index = "byName" in rules ? rules : indexRules(rules);
  const hits = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    for (const rule of matchingRules(index, events[i])) {
      const list = hits.get(rule.meta.id);
      if (list) list.push(i);
      else hits.set(rule.meta.id, [i]);
    }
  }
  return hits;
}
