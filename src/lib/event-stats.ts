import { t } from "@lingui/core/macro";
import { activeLocale, formatCount, formatPercent } from "./format";
import type { AuditEvent } from "@/api/schemas/event";

/** A field of an event people count and filter by; `searchKey` is its event-search condition key. */
export interface EventField {
  id: string;
  label: string;
  searchKey: string;
  get: (event: AuditEvent) => string;
}

export const EVENT_FIELDS: readonly EventField[] = [
  {
    id: "name",
    label: "Event name",
    searchKey: "EventName",
    get: (e) => e.name,
  },
  {
    id: "service",
    label: "Service",
    searchKey: "ServiceName",
    get: (e) => e.service,
  },
  { id: "user", label: "User", searchKey: "User", get: (e) => e.userName },
  {
    id: "ip",
    label: "Source IP",
    searchKey: "SourceIpAddress",
    get: (e) => e.sourceIp,
  },
  {
    id: "errorCode",
    label: "Error code",
    searchKey: "ErrorCode",
    get: (e) => e.errorCode,
  },
  {
    id: "resourceType",
    label: "Resource type",
    searchKey: "ResourceType",
    get: (e) => e.resourceType,
  },
  {
    id: "resourceName",
    label: "Resource name",
    searchKey: "ResourceName",
    get: (e) => e.resourceName,
  },
  {
    id: "accessKey",
    label: "AccessKey",
    searchKey: "EventAccessKeyId",
    get: (e) => e.accessKeyId,
  },
  {
    id: "eventType",
    label: "Event type",
    searchKey: "EventType",
    get: (e) => e.type,
  },
  { id: "rw", label: "Read / write", searchKey: "EventRW", get: (e) => e.rw },
  { id: "region", label: "Region", searchKey: "Region", get: (e) => e.region },
  {
    id: "identityType",
    label: "Identity type",
    searchKey: "IdentityType",
    get: (e) => e.identityType,
  },
  {
    id: "userAgent",
    label: "User agent",
    searchKey: "UserAgent",
    get: (e) => e.userAgent,
  },
];

export const fieldById = (id: string): EventField | undefined =>
  EVENT_FIELDS.find((f) => f.id === id);

export interface ValueCount {
  value: string;
  count: number;
}

/** Counts values (a Map: event text such as `__proto__` stays an ordinary key), most frequent first, ties by value. */
export function countValues<T>(
  items: readonly T[],
  get: (item: T) => string,
): ValueCount[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = get(item);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
}

export interface TopValues {
  /** How many items were counted. */
  total: number;
  /** How many different values there were. */
  distinct: number;
  top: ValueCount[];
}

export function topValues<T>(
  items: readonly T[],
  get: (item: T) => string,
  limit = 10,
): TopValues {
  const all = countValues(items, get);
  return {
    total: items.length,
    distinct: all.length,
    top: all.slice(0, limit),
  };
}

/** "12 of 42 (28.6%)". */
export function formatShare(count: number, total: number): string {
  const ratio = total === 0 ? 0 : count / total;
  const part = formatCount(count);
  const whole = formatCount(total);
  const share = formatPercent(ratio, activeLocale(), ratio < 0.1 ? 1 : 0);
  return t`${part} of ${whole} (${share})`;
}

/** A request parameter of an event (own keys only), as text; objects as JSON. */
export function requestParam(
  event: AuditEvent,
  name: string,
): string | undefined {
  const params = event.raw.requestParameters;
  if (!params || typeof params !== "object" || Array.isArray(params))
    return undefined;
  if (!Object.hasOwn(params, name)) return undefined;
  const value = (params as Record<string, unknown>)[name];
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
