import type { AuditEvent } from "@/api/schemas/event";

/**
 * Refine: the text typed in "Refine loaded events", found case-insensitively
 * in any field value of an event (strings, numbers and booleans, nested ones
 * included; not the field names).
 *
 * It runs over every loaded event on each keystroke (100,000 of them after a
 * large Load all), so it allocates nothing per event: one case-insensitive
 * expression is compiled per text and tried on the values as they are, with
 * no lower-cased or serialised copy of the event made or kept.
 */
export type RefineMatch = (event: AuditEvent) => boolean;

/** The text refine looks for: what was typed, without surrounding spaces. */
export const refineNeedle = (refine: string): string => refine.trim();

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Nesting followed at most (events are JSON; a hostile one may nest deeper). */
const MAX_DEPTH = 256;

/**
 * Calls `text` with every value `refineMatcher` looks at in `value` (strings,
 * and numbers and booleans as their text), in the same places and to the
 * same depth; the refine index (refine-index.ts) is built from these.
 */
export function forEachRefineValue(
  value: unknown,
  text: (value: string) => void,
  depth = 0,
): void {
  switch (typeof value) {
    case "string":
      text(value);
      return;
    case "number":
    case "boolean":
      text(String(value));
      return;
    case "object": {
      if (value === null || depth >= MAX_DEPTH) return;
      if (Array.isArray(value)) {
        for (const item of value as unknown[])
          forEachRefineValue(item, text, depth + 1);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const key in record)
        forEachRefineValue(record[key], text, depth + 1);
      return;
    }
    default:
      return;
  }
}

/** A matcher for `refine`; undefined when there is nothing to look for. */
export function refineMatcher(refine: string): RefineMatch | undefined {
  const needle = refineNeedle(refine);
  if (!needle) return undefined;
  const pattern = new RegExp(escapeRegExp(needle), "i");
  const inValue = (value: unknown, depth: number): boolean => {
    switch (typeof value) {
      case "string":
        return pattern.test(value);
      case "number":
      case "boolean":
        return pattern.test(String(value));
      case "object": {
        if (value === null || depth >= MAX_DEPTH) return false;
        if (Array.isArray(value)) {
          for (const item of value as unknown[])
            if (inValue(item, depth + 1)) return true;
          return false;
        }
        const record = value as Record<string, unknown>;
        for (const key in record)
          if (inValue(record[key], depth + 1)) return true;
        return false;
      }
      default:
        return false;
    }
  };
  // The region is the event's own when the service named it, else the one it
  // was read from: look at both.
  return (event) => inValue(event.raw, 0) || pattern.test(event.region);
}

/**
 * Whether everything `next` finds is among what `previous` found, so a
 * refine can narrow the previous result instead of searching every event
 * again: the new text contains the old one (typing on, as people do).
 */
export const narrowsRefine = (previous: string, next: string): boolean => {
  const before = refineNeedle(previous);
  return before !== "" && refineNeedle(next).includes(before);
};
