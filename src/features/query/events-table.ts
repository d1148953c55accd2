import {
  Bool,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  type Vector,
} from "apache-arrow";
import type { AuditEvent } from "@/api/schemas/event";

/**
 * The Query page's one table, `events`: every documented field of an
 * ActionTrail event as a typed column with a readable name, plus the three
 * free-form parts as JSON text. Built column-wise into Arrow (one array per
 * column, then one Arrow vector each), never row objects into INSERTs: that is
 * what keeps a million events loadable in seconds.
 */

type Kind = "text" | "timestamp" | "bool" | "number" | "json";

export interface EventColumn {
  name: string;
  kind: Kind;
  /** The SQL type DuckDB shows for it. */
  sqlType: string;
  read: (event: AuditEvent) => string | number | boolean | null;
}

const str = (value: unknown): string | null =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : null;

/** A text column: empty strings become NULL so `IS NULL` means "the event had none". */
const text =
  (pick: (e: AuditEvent) => unknown) =>
  (e: AuditEvent): string | null => {
    const v = str(pick(e));
    return v === null || v === "" ? null : v;
  };

const json =
  (pick: (e: AuditEvent) => unknown) =>
  (e: AuditEvent): string | null => {
    const v = pick(e);
    if (v === undefined || v === null) return null;
    try {
      return JSON.stringify(v) ?? null;
    } catch {
      return null;
    }
  };

const identity = (e: AuditEvent) => e.raw.userIdentity ?? undefined;
const sessionAttributes = (e: AuditEvent) =>
  identity(e)?.sessionContext?.attributes ?? undefined;

export const EVENT_COLUMNS: readonly EventColumn[] = [
  {
    name: "eventId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.id),
  },
  {
    name: "eventTime",
    kind: "timestamp",
    sqlType: "TIMESTAMP",
    read: (e) => (Number.isFinite(e.timeMs) ? e.timeMs : null),
  },
  {
    name: "eventName",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.name),
  },
  {
    name: "eventRW",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.rw),
  },
  {
    name: "eventType",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.type),
  },
  {
    name: "eventCategory",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.raw.eventCategory),
  },
  {
    name: "eventVersion",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.raw.eventVersion),
  },
  {
    name: "eventSource",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.source),
  },
  {
    name: "serviceName",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.service),
  },
  {
    name: "apiVersion",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.raw.apiVersion),
  },
  {
    name: "acsRegion",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.region),
  },
  {
    name: "isGlobal",
    kind: "bool",
    sqlType: "BOOLEAN",
    read: (e) => e.isGlobal,
  },
  {
    name: "requestId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.requestId),
  },
  {
    name: "sourceIpAddress",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.sourceIp),
  },
  {
    name: "userAgent",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.userAgent),
  },
  {
    name: "userType",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.identityType),
  },
  {
    name: "userName",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.userName),
  },
  {
    name: "principalId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.principalId),
  },
  {
    name: "accountId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.accountId),
  },
  {
    name: "accessKeyId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.accessKeyId),
  },
  {
    name: "mfaAuthenticated",
    kind: "bool",
    sqlType: "BOOLEAN",
    read: (e) => e.mfa ?? null,
  },
  {
    name: "sessionCreationDate",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => sessionAttributes(e)?.creationDate),
  },
  {
    name: "resourceType",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.resourceType),
  },
  {
    name: "resourceName",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.resourceName),
  },
  {
    name: "errorCode",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.errorCode),
  },
  {
    name: "errorMessage",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.errorMessage),
  },
  {
    name: "sensitiveAction",
    kind: "bool",
    sqlType: "BOOLEAN",
    read: (e) => e.sensitive,
  },
  {
    name: "recipientAccountId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.raw.recipientAccountId),
  },
  {
    name: "vpcId",
    kind: "text",
    sqlType: "VARCHAR",
    read: text((e) => e.raw.vpcId),
  },
  {
    name: "requestParameters",
    kind: "json",
    sqlType: "JSON",
    read: json((e) => e.raw.requestParameters),
  },
  {
    name: "responseElements",
    kind: "json",
    sqlType: "JSON",
    read: json((e) => e.raw.responseElements),
  },
  {
    name: "additionalEventData",
    kind: "json",
    sqlType: "JSON",
    read: json((e) => e.raw.additionalEventData),
  },
  {
    name: "referencedResources",
    kind: "json",
    sqlType: "JSON",
    read: json((e) => e.raw.referencedResources),
  },
  {
    name: "eventAttributes",
    kind: "json",
    sqlType: "JSON",
    read: json((e) => e.raw.eventAttributes),
  },
];

export const EVENT_COLUMN_NAMES = EVENT_COLUMNS.map((c) => c.name);

/**
 * The raw values of every column, one array per column: the pure mapping the
 * tests check against the documented samples.
 */
export function toEventColumns(
  events: readonly AuditEvent[],
): Record<string, Array<string | number | boolean | null>> {
  const columns: Record<
    string,
    Array<string | number | boolean | null>
  > = Object.create(null) as Record<
    string,
    Array<string | number | boolean | null>
  >;
  for (const column of EVENT_COLUMNS) {
    const values = new Array<string | number | boolean | null>(events.length);
    for (let i = 0; i < events.length; i++)
      values[i] = column.read(events[i] as AuditEvent);
    columns[column.name] = values;
  }
  return columns;
}

function toVector(
  kind: Kind,
  values: Array<string | number | boolean | null>,
): Vector {
  if (kind === "timestamp") {
    const data = new BigInt64Array(values.length);
    const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
    let nullCount = 0;
    values.forEach((v, i) => {
      if (typeof v === "number") {
        data[i] = BigInt(Math.trunc(v));
        nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
      } else nullCount++;
    });
    return makeVector(
      makeData({
        type: new TimestampMillisecond(),
        length: values.length,
        nullCount,
        nullBitmap,
        data,
      }),
    );
  }
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  const present = (i: number) => {
    nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  };
  if (kind === "bool") {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((v, i) => {
      if (typeof v !== "boolean") return void nullCount++;
      present(i);
      if (v) data[i >> 3] = (data[i >> 3] ?? 0) | (1 << (i & 7));
    });
    return makeVector(
      makeData({ type: new Bool(), length, nullCount, nullBitmap, data }),
    );
  }
  // Text by hand (offsets + UTF-8 bytes): Arrow's builders compile a
  // validity function with \`new Function\`, which the CSP refuses.
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const valueOffsets = new Int32Array(length + 1);
  let size = 0;
  values.forEach((v, i) => {
    if (v === null) nullCount++;
    else {
      present(i);
      const bytes = encoder.encode(String(v));
      parts.push(bytes);
      size += bytes.length;
    }
    valueOffsets[i + 1] = size;
  });
  const data = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length,
      nullCount,
      nullBitmap,
      valueOffsets,
      data,
    }),
  );
}

/** A text column built by hand (no Arrow builders, which the CSP refuses). */
export const textVector = (values: (string | null)[]): Vector =>
  toVector("text", values);

/** The `events` table as an Arrow table, ready for DuckDB's `insertArrowTable`. */
export function toEventsArrowTable(events: readonly AuditEvent[]): Table {
  const columns = toEventColumns(events);
  const vectors: Record<string, Vector> = {};
  for (const column of EVENT_COLUMNS)
    vectors[column.name] = toVector(column.kind, columns[column.name] ?? []);
  return new Table(vectors);
}
