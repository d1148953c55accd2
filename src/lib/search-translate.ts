/**
 * An event search said in the two query languages auditors meet next: SQL
 * over the Query page's `events` table (DuckDB) and a Log Service (SLS)
 * query over a trail's logstore (`<search> | <SQL>`). Pure, so both are
 * unit-tested with hostile values; the event search shows them so users learn
 * one language from the other.
 *
 * The SQL gives the same events as the search over the same window:
 *   conditions → WHERE (exact, case-sensitive, as LookupEvents matches),
 *   exclusions → AND NOT, refine → ILIKE over the searched fields,
 *   range → eventTime BETWEEN, newest first.
 */

import type { SearchCondition } from "./event-search-url";

export interface TranslatableSearch {
  rw?: "Read" | "Write" | undefined;
  filters: readonly SearchCondition[];
  exclude: readonly SearchCondition[];
  refine: string;
}

/** The window the search covers, epoch ms (the absolute window read). */
export interface SearchWindow {
  startMs: number;
  endMs: number;
}

/**
 * Characters that never go inside a literal as they are: control characters
 * (a newline would break the query's lines, NUL ends C strings), and the
 * invisible and direction-changing ones, which could make the query text read
 * differently from what runs ("Trojan Source").
 */
const UNSAFE_CHAR =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** A SQL string literal: quotes doubled, unsafe characters as `chr(n)` joined with `||`. */
export function sqlString(value: string): string {
  const parts: string[] = [];
  let run = "";
  const flush = () => {
    if (run) parts.push(`'${run.replaceAll("'", "''")}'`);
    run = "";
  };
  for (const ch of value) {
    if (UNSAFE_CHAR.test(ch)) {
      flush();
      parts.push(`chr(${ch.codePointAt(0) ?? 0})`);
    } else run += ch;
  }
  flush();
  if (parts.length === 0) return "''";
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" || ")})`;
}

/** Text for a LIKE pattern, matched literally: `\`, `%` and `_` escaped with `\` (used with `ESCAPE '\'`). */
export const escapeLike = (text: string): string =>
  text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `2026-11-21 03:00:00.000`: a UTC instant as DuckDB's TIMESTAMP text. */
const sqlTimestamp = (ms: number): string =>
  `TIMESTAMP '${new Date(ms).toISOString().replace("T", " ").replace("Z", "")}'`;

/** The text columns (and JSON columns) refine looks in, as the loaded event's every field. */
export const REFINE_COLUMNS = [
  "eventId",
  "eventName",
  "eventRW",
  "eventType",
  "eventSource",
  "serviceName",
  "acsRegion",
  "requestId",
  "sourceIpAddress",
  "userAgent",
  "userType",
  "userName",
  "principalId",
  "accountId",
  "accessKeyId",
  "resourceType",
  "resourceName",
  "errorCode",
  "errorMessage",
  "requestParameters",
  "responseElements",
  "additionalEventData",
] as const;

/** Keys compared with one column for equality. */
const SQL_EQUALS: Record<string, string> = {
  EventName: "eventName",
  User: "userName",
  ServiceName: "serviceName",
  EventRW: "eventRW",
  EventAccessKeyId: "accessKeyId",
  SourceIpAddress: "sourceIpAddress",
  EventId: "eventId",
  EventType: "eventType",
  PrincipalId: "principalId",
  ErrorCode: "errorCode",
  Region: "acsRegion",
  IdentityType: "userType",
  UserAgent: "userAgent",
};

/** A resource list (`a,b` or `a;b`) names the value, or is it exactly. */
const sqlListNames = (column: string, value: string): string =>
  `(${column} = ${value} OR list_contains(string_split_regex(trim(${column}), '\\s*[;,]\\s*'), ${value}))`;

/** One condition as a SQL predicate over `events` (exact, case-sensitive). */
export function conditionToSql(c: SearchCondition): string {
  const value = sqlString(c.value);
  const column = SQL_EQUALS[c.key];
  if (column) return `${column} = ${value}`;
  switch (c.key) {
    case "ResourceType":
      return sqlListNames("resourceType", value);
    case "ResourceName":
      return sqlListNames("resourceName", value);
    case "SensitiveAction":
      return c.value === "true" ? "sensitiveAction = TRUE" : "FALSE";
    case "RoleName":
      return `(userType = 'assumed-role' AND split_part(userName, ':', 1) = ${value})`;
    case "Result":
      return c.value === "Success"
        ? "errorCode IS NULL"
        : c.value === "Failure"
          ? "errorCode IS NOT NULL"
          : `errorCode = ${value}`;
    default:
      // The service refuses an unknown key; the search matches nothing.
      return "FALSE";
  }
}

/** Refine as SQL: case-insensitive, literal text over every searched field. */
export function refineToSql(refine: string): string | undefined {
  const needle = refine.trim();
  if (!needle) return undefined;
  const pattern = sqlString(`%${escapeLike(needle)}%`);
  return `concat_ws(' ', ${REFINE_COLUMNS.join(", ")}) ILIKE ${pattern} ESCAPE '\\'`;
}

/** The SQL over `events` that gives the search's events in its window, newest first. */
export function searchToSql(
  search: TranslatableSearch,
  window: SearchWindow,
): string {
  const where = [
    `eventTime BETWEEN ${sqlTimestamp(window.startMs)} AND ${sqlTimestamp(window.endMs)}`,
  ];
  const conditions = search.rw
    ? [...search.filters, { key: "EventRW", value: search.rw }]
    : search.filters;
  for (const c of conditions) where.push(conditionToSql(c));
  // NULL is "not this value" too: an event without an error code is not excluded by `ErrorCode = X`.
  for (const c of search.exclude)
    where.push(`NOT coalesce(${conditionToSql(c)}, FALSE)`);
  const refine = refineToSql(search.refine);
  if (refine) where.push(refine);
  return [
    "SELECT *",
    "FROM events",
    `WHERE ${where.join("\n  AND ")}`,
    "ORDER BY eventTime DESC",
  ].join("\n");
}

/**
 * The logstore's index fields (ActionTrail delivers each event under `event.`).
 * Checked against Log Service's "Log fields" page for ActionTrail
 * (https://www.alibabacloud.com/help/en/sls/log-fields-25): event.eventName,
 * event.eventRW, event.serviceName, event.resourceType, event.resourceName,
 * event.sourceIpAddress, event.eventId, event.eventType, event.errorCode,
 * event.acsRegion, event.userAgent, event.userIdentity.{userName, accessKeyId,
 * principalId, type} and event.eventAttributes are all listed there; the
 * SensitiveAction key under event.eventAttributes is the event's own field.
 */
const SLS_FIELDS: Record<string, string> = {
  EventName: "event.eventName",
  User: "event.userIdentity.userName",
  ServiceName: "event.serviceName",
  ResourceType: "event.resourceType",
  ResourceName: "event.resourceName",
  EventRW: "event.eventRW",
  EventAccessKeyId: "event.userIdentity.accessKeyId",
  SourceIpAddress: "event.sourceIpAddress",
  EventId: "event.eventId",
  EventType: "event.eventType",
  PrincipalId: "event.userIdentity.principalId",
  ErrorCode: "event.errorCode",
  Region: "event.acsRegion",
  IdentityType: "event.userIdentity.type",
  UserAgent: "event.userAgent",
  SensitiveAction: "event.eventAttributes.SensitiveAction",
};

/** A Log Service search value: always a quoted phrase, `\` and `"` escaped, so `*`, `?`, `and`, `:` are plain text. */
export const slsString = (value: string): string =>
  `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** One condition as a Log Service search term. */
export function conditionToSls(c: SearchCondition): string {
  const value = slsString(c.value);
  if (c.key === "RoleName")
    return `(event.userIdentity.type: "assumed-role" and event.userIdentity.userName: ${value})`;
  if (c.key === "Result")
    return c.value === "Success"
      ? "not event.errorCode: *"
      : c.value === "Failure"
        ? "event.errorCode: *"
        : `event.errorCode: ${value}`;
  const field = SLS_FIELDS[c.key];
  // An unknown key matches nothing, as in the console.
  return field ? `${field}: ${value}` : "not *";
}

/** The columns a Log Service query shows (quoted: they contain dots). */
const SLS_COLUMNS = [
  "event.eventTime",
  "event.eventName",
  "event.serviceName",
  "event.userIdentity.userName",
  "event.userIdentity.accessKeyId",
  "event.sourceIpAddress",
  "event.errorCode",
  "event.eventId",
];

/**
 * The search as a Log Service query (`<search> | SELECT …`). Its time range is
 * not part of the text: Log Service takes it as the query's from/to.
 */
export function searchToSls(search: TranslatableSearch): string {
  const terms: string[] = [];
  const conditions = search.rw
    ? [...search.filters, { key: "EventRW", value: search.rw }]
    : search.filters;
  for (const c of conditions) terms.push(conditionToSls(c));
  for (const c of search.exclude) terms.push(`not (${conditionToSls(c)})`);
  const refine = search.refine.trim();
  if (refine) terms.push(slsString(refine));
  const columns = SLS_COLUMNS.map((c) => `"${c}"`).join(", ");
  return `${terms.length ? terms.join(" and ") : "*"} | SELECT ${columns} ORDER BY __time__ DESC LIMIT 1000`;
}

/** The Query page's read range (24h, 7d or 30d back from now) that covers a window's start. */
export function queryRangeFor(
  window: SearchWindow,
  nowMs: number,
): "24h" | "7d" | "30d" {
  const back = nowMs - window.startMs;
  if (back <= 24 * 3_600_000) return "24h";
  if (back <= 7 * 86_400_000) return "7d";
  return "30d";
}
