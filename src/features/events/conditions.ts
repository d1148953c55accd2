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
import { createRefineIndex, REFINE_BLOCK, refineGrams } from "./refine-index";
import { narrowsRefine, refineMatcher, refineNeedle } from "./refine-match";

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

/** Refine: case-insensitive text over every field value of the loaded event. */
export function matchesRefine(event: AuditEvent, refine: string): boolean {
  return refineMatcher(refine)?.(event) ?? true;
}

const sameConditions = (
  a: readonly SearchCondition[],
  b: readonly SearchCondition[],
) =>
  a === b ||
  (a.length === b.length &&
    a.every((c, i) => c.key === b[i]?.key && c.value === b[i]?.value));

/** The browser's part of a search: conditions, exclusions and refine text. */
export function filterLoaded(
  events: readonly AuditEvent[],
  browser: readonly SearchCondition[],
  exclude: readonly SearchCondition[],
  refine: string,
): AuditEvent[] {
  const refined = refineMatcher(refine);
  if (!browser.length && !exclude.length && !refined)
    return events as AuditEvent[];
  return events.filter(
    (e) =>
      browser.every((c) => matchesCondition(e, c)) &&
      !exclude.some((c) => matchesCondition(e, c)) &&
      (refined === undefined || refined(e)),
  );
}

/** Rows a refine shows at once, before it has looked at every loaded event. */
export const REFINE_PREVIEW_ROWS = 200;

/** What the browser's filters show so far: every match once `done`. */
export interface FilteredView {
  rows: AuditEvent[];
  done: boolean;
}

/** A list of events a scan looks through, and where it is in it. */
interface Part {
  list: readonly AuditEvent[];
  at: number;
  /** The loaded events themselves, whose blocks the refine index describes. */
  indexed: boolean;
}

interface Scan {
  events: readonly AuditEvent[];
  browser: readonly SearchCondition[];
  exclude: readonly SearchCondition[];
  refine: string;
  test: (e: AuditEvent) => boolean;
  /** The refine's three-character sequences (refine-index.ts); empty when it has none. */
  grams: Int32Array;
  /** The events still to look at, in order, and the one being looked through. */
  parts: Part[];
  part: number;
  found: AuditEvent[];
  done: boolean;
}

/**
 * `filterLoaded` for the screen that filters again on every keystroke over
 * up to 100,000 loaded events, without making the reader wait:
 *
 * - `view` looks at the events in order until it has the first
 *   `REFINE_PREVIEW_ROWS` matches (or all of them), so the rows change at
 *   once; `work` goes on through the rest a few milliseconds at a time, and
 *   the screen shows every match when it is `done`;
 * - when only the refine text changed and it contains the previous one
 *   (typing on), only the previous matches and the events not looked at yet
 *   are looked at again: nothing else can match;
 * - blocks of loaded events the refine index says cannot hold the text are
 *   passed over (`buildIndex` builds it while the reader pauses), so a text
 *   found in few events does not look at every one.
 */
export function createLoadedFilter() {
  let scan: Scan | undefined;
  const index = createRefineIndex();
  let lastEvents: readonly AuditEvent[] | undefined;

  const start = (
    events: readonly AuditEvent[],
    browser: readonly SearchCondition[],
    exclude: readonly SearchCondition[],
    refine: string,
  ): Scan => {
    index.sync(events);
    const refined = refineMatcher(refine);
    const test = (e: AuditEvent) =>
      browser.every((c) => matchesCondition(e, c)) &&
      !exclude.some((c) => matchesCondition(e, c)) &&
      (refined === undefined || refined(e));
    const previous = scan;
    const narrows =
      previous !== undefined &&
      previous.events === events &&
      sameConditions(previous.browser, browser) &&
      sameConditions(previous.exclude, exclude) &&
      narrowsRefine(previous.refine, refine);
    const parts: Part[] = narrows
      ? [
          { list: previous.found, at: 0, indexed: false },
          ...(previous.done
            ? []
            : previous.parts.slice(previous.part).map((p) => ({ ...p }))),
        ]
      : [{ list: events, at: 0, indexed: true }];
    return {
      events,
      browser,
      exclude,
      refine,
      test,
      grams: refineGrams(refineNeedle(refine)),
      parts,
      part: 0,
      found: [],
      done: false,
    };
  };

  /** Looks on until `stop()` says so (asked every 256 events); true when done. */
  const advance = (s: Scan, stop: () => boolean): boolean => {
    const skips = s.grams.length > 0;
    for (; s.part < s.parts.length; s.part++) {
      const part = s.parts[s.part]!;
      const { list } = part;
      while (part.at < list.length) {
        if (
          skips &&
          part.indexed &&
          part.at % REFINE_BLOCK === 0 &&
          !index.mayHold(part.at / REFINE_BLOCK, s.grams)
        ) {
          part.at += REFINE_BLOCK;
        } else {
          const e = list[part.at++] as AuditEvent;
          if (s.test(e)) s.found.push(e);
        }
        if ((part.at & 255) === 0 && stop()) return false;
      }
    }
    s.done = true;
    return true;
  };

  return {
    view(
      events: readonly AuditEvent[],
      browser: readonly SearchCondition[],
      exclude: readonly SearchCondition[],
      refine: string,
    ): FilteredView {
      if (!browser.length && !exclude.length && !refineNeedle(refine)) {
        scan = undefined;
        lastEvents = events;
        return { rows: events as AuditEvent[], done: true };
      }
      const same =
        scan !== undefined &&
        scan.events === events &&
        sameConditions(scan.browser, browser) &&
        sameConditions(scan.exclude, exclude) &&
        refineNeedle(scan.refine) === refineNeedle(refine);
      lastEvents = events;
      const s = same && scan ? scan : start(events, browser, exclude, refine);
      scan = s;
      if (!s.done) advance(s, () => s.found.length >= REFINE_PREVIEW_ROWS);
      return { rows: s.done ? s.found : s.found.slice(), done: s.done };
    },
    /** Goes on with the current view for about `ms`; true when it has every match. */
    work(ms: number): boolean {
      const s = scan;
      if (!s || s.done) return true;
      const until = performance.now() + ms;
      return advance(s, () => performance.now() >= until);
    },
    /** Builds the refine index of the events last viewed for about `ms`; true when it is complete. */
    buildIndex(ms: number): boolean {
      if (!lastEvents) return true;
      index.sync(lastEvents);
      const until = performance.now() + ms;
      return index.build(() => performance.now() >= until);
    },
    /** Bytes the refine index holds. */
    indexBytes: () => index.bytes(),
  };
}
