import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import { LOOKUP_ATTRIBUTE_KEYS } from "@/api/schemas/event";
import { matchesLookupAttribute } from "@/api/schemas/lookup-match";
import type { CompiledRule } from "@/lib/sigma/compile";
import type { AlertRule, AlertSource } from "./rule";

/** Whether an event counts for a rule's source. */
export function matcherFor(
  source: AlertSource,
  pack: readonly CompiledRule[],
): (event: AuditEvent) => boolean {
  switch (source.kind) {
    case "detection": {
      const wanted = new Set(source.ruleIds);
      const rules = pack.filter((r) => wanted.has(r.meta.id));
      return (event) => rules.some((r) => r.match(event.raw));
    }
    case "search":
      return (event) =>
        source.conditions.every((c) =>
          matchesLookupAttribute(event, c.key, c.value),
        );
    case "failures":
      return (event) => event.errorCode !== "";
  }
}

/**
 * The reads a run makes: one per event name a detection source names (the
 * service filters by EventName), else one with the one LookupAttribute the
 * service can apply for a search (the rest is matched here).
 */
export function serverReads(source: AlertSource): LookupAttribute[][] {
  if (source.kind === "detection" && source.eventNames?.length)
    return source.eventNames.map((name) => [{ Key: "EventName", Value: name }]);
  return [serverAttributes(source)];
}

/** The one LookupAttribute the service can apply for a search source. */
export function serverAttributes(source: AlertSource): LookupAttribute[] {
  if (source.kind !== "search") return [];
  const first = source.conditions.find((c) =>
    (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(c.key),
  );
  return first
    ? [{ Key: first.key as LookupAttribute["Key"], Value: first.value }]
    : [];
}

export interface Evaluation {
  /** Events that count, newest first (per-identity rules: the largest identity's). */
  matched: AuditEvent[];
  identity?: string | undefined;
}

const who = (event: AuditEvent): string =>
  event.userName || event.principalId || event.accessKeyId || "";

/** The events of a window that count for a rule. */
export function evaluate(
  rule: AlertRule,
  events: readonly AuditEvent[],
  match: (event: AuditEvent) => boolean,
): Evaluation {
  const hits = events
    .filter(match)
    .sort((a, b) => b.timeMs - a.timeMs || (a.id < b.id ? -1 : 1));
  if (!rule.perIdentity) return { matched: hits };
  const byIdentity = new Map<string, AuditEvent[]>();
  for (const event of hits) {
    const key = who(event);
    const list = byIdentity.get(key);
    if (list) list.push(event);
    else byIdentity.set(key, [event]);
  }
  let best: [string, AuditEvent[]] | undefined;
  for (const entry of byIdentity)
    if (!best || entry[1].length > best[1].length) best = entry;
  return best ? { matched: best[1], identity: best[0] } : { matched: [] };
}
