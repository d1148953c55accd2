import type { AuditEvent } from "@/api/schemas/event";
import { paramsOf } from "./revert-hints";

export interface ParamDiff {
  key: string;
  before: string | undefined;
  after: string | undefined;
}

export interface ResourceChange {
  event: AuditEvent;
  previous: AuditEvent | undefined;
  diff: ParamDiff[];
}

/**
 * The write events of a resource, oldest first, each with the difference of
 * its parameters against the previous change (keys that differ; unchanged
 * keys left out).
 */
export function toResourceChanges(
  events: readonly AuditEvent[],
): ResourceChange[] {
  const writes = events
    .filter((e) => e.rw === "Write")
    .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1));
  return writes.map((event, i) => {
    const previous = writes[i - 1];
    const now = paramsOf(event);
    const then = previous ? paramsOf(previous) : new Map<string, string>();
    const keys = [...new Set([...then.keys(), ...now.keys()])];
    const diff = keys
      .map((key) => ({ key, before: then.get(key), after: now.get(key) }))
      .filter((d) => d.before !== d.after);
    return { event, previous, diff };
  });
}
