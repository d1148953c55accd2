import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import {
  canCombineLookupAttributes,
  LOOKUP_ATTRIBUTE_KEYS,
} from "@/api/schemas/event";
import { matchesLookupAttribute } from "@/api/schemas/lookup-match";
import {
  BROWSER_ONLY_KEYS,
  type SearchCondition,
} from "@/lib/event-search-url";

/**
 * Which conditions LookupEvents runs and which the browser applies. The API
 * takes at most two LookupAttributes and only certain pairs of keys; the
 * first legal pair (in the order the user gave them) goes to the server,
 * everything else is applied to the loaded events in the browser.
 */

export const CONDITION_KEYS = [
  ...LOOKUP_ATTRIBUTE_KEYS,
  ...BROWSER_ONLY_KEYS,
] as const;

const CONDITION_LABELS: Record<string, MessageDescriptor> = {
  EventName: msg`Event name`,
  User: msg`User`,
  ServiceName: msg`Service`,
  ResourceType: msg`Resource type`,
  ResourceName: msg`Resource name`,
  EventRW: msg`Read/write`,
  EventAccessKeyId: msg`AccessKey ID`,
  SourceIpAddress: msg`Source IP`,
  EventId: msg`Event ID`,
  SensitiveAction: msg`Sensitive action`,
  EventType: msg`Event type`,
  RoleName: msg`Role name`,
  ErrorCode: msg`Error code`,
  Region: msg`Region`,
  IdentityType: msg`Identity type`,
  UserAgent: msg`User agent`,
  Result: msg`Result`,
};

/** A condition key in the reader's language (the key itself when unknown). */
export function conditionLabel(key: string): string {
  const label = CONDITION_LABELS[key];
  return label ? i18n._(label) : key;
}

/** `Service = Ecs`: a condition as said to the reader. */
export const conditionText = (c: { key: string; value: string }): string =>
  `${conditionLabel(c.key)} = ${c.value}`;

const SERVER_KEYS: ReadonlySet<string> = new Set(LOOKUP_ATTRIBUTE_KEYS);

export const isServerKey = (key: string): boolean => SERVER_KEYS.has(key);

/** Whether LookupEvents takes these two keys together. */
export const canCombine = canCombineLookupAttributes;

export interface ConditionPlan {
  /** Sent as LookupAttribute (at most two, a legal pair). */
  server: SearchCondition[];
  /** Applied to loaded events in the browser. */
  browser: SearchCondition[];
}

/** Splits conditions (with read/write as an `EventRW` condition) between server and browser. */
export function planConditions(
  filters: readonly SearchCondition[],
  rw?: "Read" | "Write",
): ConditionPlan {
  const all = rw ? [...filters, { key: "EventRW", value: rw }] : [...filters];
  const candidates = all
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => isServerKey(c.key));
  let chosen: number[] = [];
  outer: for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i];
      const b = candidates[j];
      if (a && b && canCombine(a.c.key, b.c.key)) {
        chosen = [a.index, b.index];
        break outer;
      }
    }
  }
  if (chosen.length === 0 && candidates[0]) chosen = [candidates[0].index];
  return {
    server: chosen.map((i) => all[i] as SearchCondition),
    browser: all.filter((_, i) => !chosen.includes(i)),
  };
}

export const toLookupAttributes = (
  conditions: readonly SearchCondition[],
): LookupAttribute[] =>
  conditions.map((c) => ({
    Key: c.key as LookupAttribute["Key"],
    Value: c.value,
  }));

/** Whether one event satisfies one condition (exact, case-sensitive, as the API matches). */
export function matchesCondition(
  event: AuditEvent,
  condition: SearchCondition,
): boolean {
  const { key, value } = condition;
  if (isServerKey(key)) return matchesLookupAttribute(event, key, value);
  switch (key) {
    case "ErrorCode":
      return event.errorCode === value;
    case "Region":
      return event.region === value;
    case "IdentityType":
      return event.identityType === value;
    case "UserAgent":
      return event.userAgent === value;
    case "Result":
      return value === "Success"
        ? event.errorCode === ""
        : value === "Failure"
          ? event.errorCode !== ""
          : event.errorCode === value;
    default:
      return false;
  }
}

const haystacks = new WeakMap<AuditEvent, string>();

/** Every field of the event as one lower-cased text (cached per event). */
function haystackOf(event: AuditEvent): string {
  let text = haystacks.get(event);
  if (text === undefined) {
    try {
      text = JSON.stringify(event.raw).toLowerCase();
    } catch {
      text = "";
    }
    haystacks.set(event, text);
  }
  return text;
}

/** Refine: case-insensitive text over every field of the loaded event. */
export function matchesRefine(event: AuditEvent, refine: string): boolean {
  const needle = refine.trim().toLowerCase();
  if (!needle) return true;
  if (haystackOf(event).includes(needle)) return true;
  // JSON escapes quotes and control characters; compare the escaped needle too.
  const escaped = JSON.stringify(needle).slice(1, -1);
  return escaped !== needle && haystackOf(event).includes(escaped);
}

/** The browser's part of a search: conditions, exclusions and refine text. */
export function filterLoaded(
  events: readonly AuditEvent[],
  browser: readonly SearchCondition[],
  exclude: readonly SearchCondition[],
  refine: string,
): AuditEvent[] {
  if (!browser.length && !exclude.length && !refine.trim())
    return events as AuditEvent[];
  return events.filter(
    (e) =>
      browser.every((c) => matchesCondition(e, c)) &&
      !exclude.some((c) => matchesCondition(e, c)) &&
      matchesRefine(e, refine),
  );
}
