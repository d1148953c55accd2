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
 * The write events of a resource, newest first, each with the difference of
 * its parameters against the previous change of the SAME property: a key's
 * "before" is the value the latest earlier write set for that key, so a
 * PutObjectTagging is never compared with an earlier PutBucketAcl's ACL.
 * Unchanged keys are left out; `previous` is the latest earlier write that
 * set any of this change's properties.
 */
export function toResourceChanges(
  events: readonly AuditEvent[],
): ResourceChange[] {
  const writes = events
    .filter((e) => e.rw === "Write")
    .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1));
  const last = new Map<string, { value: string; event: AuditEvent }>();
  const out: ResourceChange[] = [];
  for (const event of writes) {
    const now = paramsOf(event);
    let previous: AuditEvent | undefined;
    const diff: ParamDiff[] = [];
    for (const [key, after] of now) {
      const then = last.get(key);
      if (then && (!previous || then.event.timeMs > previous.timeMs))
        previous = then.event;
      if (then?.value !== after) diff.push({ key, before: then?.value, after });
    }
    for (const [key, value] of now) last.set(key, { value, event });
    out.push({ event, previous, diff });
  }
  return out.reverse();
}

/** The actions among the changes, for the filter, in alphabetical order. */
export function changeActions(changes: readonly ResourceChange[]): string[] {
  return [...new Set(changes.map((c) => c.event.name))].sort();
}
