/**
 * LookupEvents, DescribeUserLogCount and LookupInsightEvents of Trailscope's
 * simulated account, with the contract's time, paging and attribute rules.
 */
import {
  canCombineLookupAttributes,
  LOOKUP_ATTRIBUTE_KEYS,
} from "@/api/schemas/event";
import type { Account } from "../data/account";
import { isoSeconds } from "../data/event-factory";
import type { LookupFilter } from "../data/event-store";
import { hashString } from "../data/prng";
import {
  invalidValue,
  missing,
  RpcError,
  type ActionTable,
  type RpcContext,
} from "./rpc";

const DAY = 86_400_000;
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `yyyy-MM-ddTHH:mm:ssZ` strictly (no other ISO forms, no rollover dates). */
export function parseUtcTime(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return undefined;
  }
  return ms;
}

function parseDate(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const ms = parseUtcTime(`${text}T00:00:00Z`);
  return ms;
}

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** The contract's StartTime / EndTime rules. Own data is an archive: its times are not checked against now. */
export function resolveWindow(
  account: Account,
  params: URLSearchParams,
): TimeWindow {
  const start = params.get("StartTime");
  const end = params.get("EndTime");
  const current = account.currentTime();
  if (start === null && end === null)
    return { startMs: current - 7 * DAY, endMs: current };
  if (start === null) throw missing("StartTime");
  if (end === null) throw missing("EndTime");
  const startMs = parseUtcTime(start);
  if (startMs === undefined) {
    throw new RpcError(
      400,
      "InvalidParameterStartTime",
      `The specified StartTime "${start}" is not valid. Use the UTC format yyyy-MM-ddTHH:mm:ssZ.`,
    );
  }
  const endMs = parseUtcTime(end);
  if (endMs === undefined) {
    throw new RpcError(
      400,
      "InvalidParameterEndTime",
      `The specified EndTime "${end}" is not valid. Use the UTC format yyyy-MM-ddTHH:mm:ssZ.`,
    );
  }
  if (endMs <= startMs)
    throw new RpcError(
      400,
      "InvalidParameterCombination",
      "The EndTime must be later than the StartTime.",
    );
  if (!account.ownData) {
    if (startMs > current) {
      throw new RpcError(
        400,
        "InvalidParameterStartTimeExceedsCurrent",
        "The StartTime cannot be later than the current time.",
      );
    }
    if (startMs < current - 90 * DAY) {
      throw new RpcError(
        400,
        "InvalidParameterStartTimeOutOfDate",
        "The StartTime cannot be more than 90 days before the current time.",
      );
    }
  }
  if (endMs - startMs > 30 * DAY) {
    throw new RpcError(
      400,
      "InvalidParameterDateOutOfRange",
      "The time range of one query cannot exceed 30 days.",
    );
  }
  return { startMs, endMs };
}

export function resolveMaxResults(params: URLSearchParams): number {
  const raw = params.get("MaxResults");
  if (raw === null || raw === "") return 20;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw invalidValue("MaxResults", "It must be an integer from 1 to 50.");
  return n;
}

const EVENT_KEYS: ReadonlySet<string> = new Set(LOOKUP_ATTRIBUTE_KEYS);

const attributesError = () =>
  new RpcError(
    400,
    "InvalidLookupAttributesException",
    "Only support specific values or combinations",
  );

/** Reads `LookupAttribute.N.Key/Value`; the same key twice: the later one counts. */
export function readAttributes(params: URLSearchParams): LookupFilter[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [name, value] of params) {
    const m = /^LookupAttribute\.(\d+)\.(Key|Value)$/.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    const entry = byIndex.get(n) ?? {};
    if (m[2] === "Key") entry.key = value;
    else entry.value = value;
    byIndex.set(n, entry);
  }
  const byKey = new Map<string, string>();
  for (const n of [...byIndex.keys()].sort((a, b) => a - b)) {
    const { key, value } = byIndex.get(n)!;
    if (!key) throw missing(`LookupAttribute.${n}.Key`);
    if (value === undefined) throw missing(`LookupAttribute.${n}.Value`);
    byKey.delete(key);
    byKey.set(key, value);
  }
  return [...byKey].map(([key, value]) => ({ key, value }));
}

export function validateEventAttributes(
  filters: readonly LookupFilter[],
): void {
  if (filters.length > 2) throw attributesError();
  for (const f of filters)
    if (!EVENT_KEYS.has(f.key) && f.key !== "PrincipalId")
      throw attributesError();
  if (filters.length === 1 && filters[0]!.key === "PrincipalId")
    throw attributesError();
  if (filters.length === 2) {
    const [a, b] = filters as [LookupFilter, LookupFilter];
    if (!canCombineLookupAttributes(a.key, b.key)) throw attributesError();
  }
}

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | undefined {
  try {
    return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
}

/** Opaque paging token: the next position plus a hash of the query it belongs to. */
export function encodeToken(position: number, queryHash: number): string {
  return toBase64Url(JSON.stringify({ v: 1, p: position, q: queryHash }));
}

export function decodeToken(token: string, queryHash: number): number {
  const text = fromBase64Url(token);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const p = (parsed as { p?: unknown } | undefined)?.p;
  const q = (parsed as { q?: unknown } | undefined)?.q;
  if (
    typeof p !== "number" ||
    !Number.isInteger(p) ||
    p < 0 ||
    q !== queryHash
  ) {
    throw new RpcError(
      400,
      "InvalidNextToken",
      "The specified NextToken is not valid for this query.",
    );
  }
  return p;
}

function queryHash(
  region: string,
  params: URLSearchParams,
  filters: readonly LookupFilter[],
): number {
  return hashString(
    JSON.stringify([
      region,
      params.get("Action"),
      params.get("StartTime"),
      params.get("EndTime"),
      params.get("MaxResults"),
      params.get("Direction"),
      filters.map((f) => [f.key, f.value]).sort(),
    ]),
  );
}

function lookupEvents({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const window = resolveWindow(account, params);
  const maxResults = resolveMaxResults(params);
  const direction = params.get("Direction") ?? "BACKWARD";
  if (direction !== "BACKWARD" && direction !== "FORWARD")
    throw invalidValue("Direction", "Use BACKWARD or FORWARD.");
  const filters = readAttributes(params);
  validateEventAttributes(filters);
  const hash = queryHash(region, params, filters);
  const token = params.get("NextToken");
  const store = account.store(region);
  const lo = store.lowerBound(Math.ceil(window.startMs / 1000));
  const hi = store.lowerBound(Math.floor(window.endMs / 1000) + 1);
  const result = (events: Record<string, unknown>[], next?: string) => ({
    StartTime: isoSeconds(window.startMs),
    EndTime: isoSeconds(window.endMs),
    ...(next ? { NextToken: next } : {}),
    Events: events,
  });

  let position: number | undefined;
  if (token) {
    position = decodeToken(token, hash);
    if (position < lo || position >= Math.max(hi, lo + 1)) {
      throw new RpcError(
        400,
        "InvalidNextToken",
        "The specified NextToken is not valid for this query.",
      );
    }
  }

  const byId = filters.find((f) => f.key === "EventId");
  const rest = filters.filter((f) => f.key !== "EventId");
  const matches = store.matcher(rest);
  if (byId) {
    const row = store.findEventId(byId.value);
    const ok =
      row !== undefined && row >= lo && row < hi && matches(row) && !token;
    return result(ok ? [store.materialize(row)] : []);
  }

  const rows: number[] = [];
  let next: number | undefined;
  if (direction === "BACKWARD") {
    for (let i = position ?? hi - 1; i >= lo; i--) {
      if (!matches(i)) continue;
      if (rows.length === maxResults) {
        next = i;
        break;
      }
      rows.push(i);
    }
  } else {
    for (let i = position ?? lo; i < hi; i++) {
      if (!matches(i)) continue;
      if (rows.length === maxResults) {
        next = i;
        break;
      }
      rows.push(i);
    }
  }
  return result(
    rows.map((i) => store.materialize(i)),
    next === undefined ? undefined : encodeToken(next, hash),
  );
}

function describeUserLogCount({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const startText = params.get("StartDate");
  const endText = params.get("EndDate");
  if (!startText) throw missing("StartDate");
  if (!endText) throw missing("EndDate");
  const start = parseDate(startText);
  if (start === undefined) throw invalidValue("StartDate", "Use yyyy-MM-dd.");
  const end = parseDate(endText);
  if (end === undefined) throw invalidValue("EndDate", "Use yyyy-MM-dd.");
  if (end < start)
    throw new RpcError(
      400,
      "InvalidParameterCombination",
      "The EndDate must not be earlier than the StartDate.",
    );
  if ((end - start) / DAY > 366)
    throw invalidValue("EndDate", "The range cannot exceed one year.");
  const store = account.store(region);
  const dates: string[] = [];
  const counts: number[] = [];
  for (let day = start; day <= end; day += DAY) {
    const a = store.lowerBound(day / 1000);
    const b = store.lowerBound((day + DAY) / 1000);
    dates.push(new Date(day).toISOString().slice(0, 10));
    counts.push(b - a);
  }
  return { Data: { Dates: dates, Counts: counts } };
}

const INSIGHT_KEYS = new Set([
  "ServiceName",
  "EventName",
  "SourceIpAddress",
  "InsightType",
  "EventId",
  "AccessKeyId",
  "InsightObject",
]);

function lookupInsightEvents({
  account,
  region,
  params,
}: RpcContext): Record<string, unknown> {
  const window = resolveWindow(account, params);
  const maxResults = resolveMaxResults(params);
  const filters = readAttributes(params);
  if (filters.length > 2 || filters.some((f) => !INSIGHT_KEYS.has(f.key)))
    throw attributesError();
  const hash = queryHash(region, params, filters);
  const token = params.get("NextToken");
  const all = account
    .insights(region)
    .filter((insight) => {
      const t = Date.parse(insight.eventTime);
      if (t < window.startMs || t > window.endMs) return false;
      const c = insight.insightDetails.insightContext;
      return filters.every(({ key, value }) => {
        switch (key) {
          case "ServiceName":
            return c.serviceName === value;
          case "EventName":
            return c.eventName === value;
          case "SourceIpAddress":
            return c.sourceIpAddress === value;
          case "InsightType":
            return insight.insightDetails.insightType === value;
          case "EventId":
            return insight.eventId === value;
          case "AccessKeyId":
            return c.accessKeyId === value;
          case "InsightObject":
            return c.insightObject === value;
          default:
            return false;
        }
      });
    })
    .reverse();
  const offset = token ? decodeToken(token, hash) : 0;
  if (offset > all.length)
    throw new RpcError(
      400,
      "InvalidNextToken",
      "The specified NextToken is not valid for this query.",
    );
  const page = all.slice(offset, offset + maxResults);
  const nextOffset = offset + page.length;
  return {
    ...(nextOffset < all.length
      ? { NextToken: encodeToken(nextOffset, hash) }
      : {}),
    Events: page,
  };
}

export const eventActions: ActionTable = {
  LookupEvents: { write: false, rateLimit: 10, handle: lookupEvents },
  DescribeUserLogCount: {
    write: false,
    rateLimit: 20,
    handle: describeUserLogCount,
  },
  LookupInsightEvents: {
    write: false,
    rateLimit: 10,
    handle: lookupInsightEvents,
  },
};
