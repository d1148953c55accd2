/**
 * Any field of an event as a table column: dotted paths into the event as the
 * service sent it (`userIdentity.accessKeyId`, `requestParameters.Tag.1.Key`).
 * Keys may themselves hold dots (Alibaba Cloud's `Tag.1.Key` parameters), so a
 * path is read by trying the event's own keys, not by splitting blindly.
 */

/** Column ids of added fields: `field:` and the dotted path. */
export const FIELD_COLUMN_PREFIX = "field:";

export const isFieldColumn = (id: string): boolean =>
  id.startsWith(FIELD_COLUMN_PREFIX);

export const fieldColumnId = (path: string): string =>
  `${FIELD_COLUMN_PREFIX}${path}`;

export const fieldPathOf = (id: string): string =>
  id.slice(FIELD_COLUMN_PREFIX.length);

/** The ActionTrail event fields, offered whether or not the loaded events carry them. */
export const KNOWN_EVENT_FIELDS = [
  "eventId",
  "eventVersion",
  "eventTime",
  "eventName",
  "eventType",
  "eventRW",
  "eventCategory",
  "eventSource",
  "serviceName",
  "apiVersion",
  "acsRegion",
  "isGlobal",
  "requestId",
  "sourceIpAddress",
  "userAgent",
  "userIdentity.type",
  "userIdentity.principalId",
  "userIdentity.accountId",
  "userIdentity.userName",
  "userIdentity.accessKeyId",
  "userIdentity.sessionContext.attributes.creationDate",
  "userIdentity.sessionContext.attributes.mfaAuthenticated",
  "requestParameters",
  "responseElements",
  "additionalEventData",
  "errorCode",
  "errorMessage",
  "resourceType",
  "resourceName",
  "referencedResources",
  "eventAttributes",
  "recipientAccountId",
  "vpcId",
] as const;

/** Paths longer than this are not offered (a hostile event can nest deep). */
const MAX_DEPTH = 6;
const MAX_PATH_LENGTH = 200;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The dotted paths of one value: every leaf (strings, numbers, arrays, empty
 * objects) and every object on the way to one, so a whole `requestParameters`
 * can be a column too. Stops at `cap` paths.
 */
export function flattenPaths(
  value: unknown,
  cap = Number.POSITIVE_INFINITY,
): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string, depth: number) => {
    if (!isPlainObject(node)) return;
    for (const key of Object.keys(node)) {
      if (out.length >= cap) return;
      const path = prefix ? `${prefix}.${key}` : key;
      if (path.length > MAX_PATH_LENGTH) continue;
      out.push(path);
      if (depth + 1 < MAX_DEPTH) walk(node[key], path, depth + 1);
    }
  };
  walk(value, "", 0);
  return out;
}

/**
 * The field paths to offer: the known ActionTrail fields first, then the paths
 * seen in the events (the first `sample` of them), sorted, at most `cap`.
 */
export function collectFieldPaths(
  events: readonly { raw: unknown }[],
  { cap = 500, sample = 500 }: { cap?: number; sample?: number } = {},
): string[] {
  const seen = new Set<string>(KNOWN_EVENT_FIELDS);
  const found = new Set<string>();
  for (const event of events.slice(0, sample)) {
    if (seen.size + found.size >= cap) break;
    for (const path of flattenPaths(event.raw, cap)) {
      if (!seen.has(path)) found.add(path);
      if (seen.size + found.size >= cap) break;
    }
  }
  return [...KNOWN_EVENT_FIELDS, ...[...found].sort()].slice(0, cap);
}

/** The value at a dotted path, trying keys that contain dots too; undefined when absent. */
export function valueAtPath(value: unknown, path: string): unknown {
  if (!isPlainObject(value) || !path) return undefined;
  if (Object.hasOwn(value, path)) return value[path];
  // Longest own key first: `Tag.1` before `Tag` when both would match.
  for (let i = path.lastIndexOf("."); i > 0; i = path.lastIndexOf(".", i - 1)) {
    const head = path.slice(0, i);
    if (!Object.hasOwn(value, head)) continue;
    const found = valueAtPath(value[head], path.slice(i + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A field's value as one line of text: strings as they are, objects as compact JSON; "" when absent. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
