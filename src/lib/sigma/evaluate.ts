import type { CompiledRule } from "./compile";

/**
 * Rules indexed by the event names they require, so each event is tried only
 * against the rules that can match it (most rules name their API calls).
 */
export interface RuleIndex {
  byName: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Rules that may match any event name. */
  any: readonly CompiledRule[];
  /** Every rule, in the order given (for an event whose name is not text). */
  all: readonly CompiledRule[];
  /**
   * The rules to try per event name as the event writes it (the named ones,
   * then `any`): filled as names are met, so an event costs one map lookup,
   * not a lower-casing and two lists.
   */
  tried: Map<string, readonly CompiledRule[]>;
}

/** How many distinct event names `tried` remembers (hostile files may hold any number). */
const TRIED_MAX = 20_000;

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
  return { byName, any, all: [...rules], tried: new Map() };
}

/**
 * The rules an event may match. A rule requires its names as text compared
 * case-insensitively (numbers by their text), so an event with no name meets
 * only `any`, and one whose name is neither text nor a number (a list, say:
 * a rule matches a list if any element does) meets every rule.
 */
function rulesFor(index: RuleIndex, event: unknown): readonly CompiledRule[] {
  if (typeof event !== "object" || event === null) return index.any;
  const name = Object.hasOwn(event, "eventName")
    ? (event as { eventName: unknown }).eventName
    : undefined;
  if (typeof name !== "string") {
    if (name === undefined || name === null) return index.any;
    if (typeof name !== "number" && typeof name !== "boolean") return index.all;
  }
  const text = String(name);
  const known = index.tried.get(text);
  if (known) return known;
  const named = index.byName.get(text.toLowerCase());
  const list = named ? [...named, ...index.any] : index.any;
  if (index.tried.size < TRIED_MAX) index.tried.set(text, list);
  return list;
}

const NONE: readonly CompiledRule[] = Object.freeze([]);

/** The rules a wire event matches, in index order (no list is built for an event that matches none). */
export function matchingRules(
  index: RuleIndex,
  event: unknown,
): readonly CompiledRule[] {
  let hits: CompiledRule[] | undefined;
  for (const rule of rulesFor(index, event))
    if (rule.match(event)) (hits ??= []).push(rule);
  return hits ?? NONE;
}

/** For each rule ID with hits, the positions of the events it matched (wire events: `AuditEvent.raw`). */
export function evaluateRules(
  rules: readonly CompiledRule[] | RuleIndex,
  events: readonly unknown[],
): Map<string, number[]> {
  const index = "byName" in rules ? rules : indexRules(rules);
  const hits = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    for (const rule of rulesFor(index, events[i])) {
      if (!rule.match(events[i])) continue;
      const list = hits.get(rule.meta.id);
      if (list) list.push(i);
      else hits.set(rule.meta.id, [i]);
    }
  }
  return hits;
}
