import type { AuditEvent } from "@/api/schemas/event";
import { parseOwnEvents } from "./events-file";

/** A stored file was accepted under the import's limits; read it again under the same. */
const ARCHIVE_READ_LIMITS = {
  maxTextBytes: 64 * 1024 * 1024,
  maxDepth: 512,
} as const;

/**
 * The compact form an imported file's events are kept in: a few columns a
 * search filters on (times as one Float64Array; names, users, keys… each as
 * a small dictionary of distinct values and a typed array of codes) and the
 * file itself, as it was given (gzipped, usually about 100 bytes an event).
 * A million imported events are then a few typed arrays and the compressed
 * files in IndexedDB, not a million object trees or strings in memory; an
 * event becomes an object only when a search returns it.
 */
export interface Segment {
  /** `<archiveId>/<path>`: one segment per imported file. */
  id: string;
  archiveId: string;
  region: string;
  /** Earliest and latest event time, epoch ms. */
  timeMin: number;
  timeMax: number;
  count: number;
  columns: SegmentColumns;
  /**
   * The file's bytes as imported. Its events, read again and sorted newest
   * first, are in the order of the columns.
   */
  payload: Uint8Array;
}

/** Fields the event search can filter imported events on without parsing them. */
export const SEGMENT_FIELDS = [
  "id",
  "name",
  "service",
  "rw",
  "type",
  "region",
  "userName",
  "principalId",
  "accessKeyId",
  "sourceIp",
  "resourceName",
  "resourceType",
  "errorCode",
] as const satisfies readonly (keyof AuditEvent)[];

export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** A dictionary-encoded column: `values[codes[i]]` is row i's value. */
export interface CodedColumn {
  values: string[];
  codes: Uint32Array;
}

export type SegmentColumns = { times: Float64Array } & {
  [F in SegmentField]: CodedColumn;
};

function encode(values: readonly string[]): CodedColumn {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Uint32Array(values.length);
  values.forEach((value, i) => {
    let code = index.get(value);
    if (code === undefined) {
      code = dictionary.length;
      index.set(value, code);
      dictionary.push(value);
    }
    codes[i] = code;
  });
  return { values: dictionary, codes };
}

/** Events newest first; ties keep the file's order (the same on every read). */
export const newestFirst = (events: readonly AuditEvent[]): AuditEvent[] =>
  events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => b.event.timeMs - a.event.timeMs || a.i - b.i)
    .map(({ event }) => event);

/** Builds a file's segment from its bytes and the events read from them. */
export function toSegment(
  id: string,
  archiveId: string,
  region: string,
  events: readonly AuditEvent[],
  payload: Uint8Array,
): Segment {
  const sorted = newestFirst(events);
  const columns = {
    times: Float64Array.from(sorted, (e) => e.timeMs),
  } as SegmentColumns;
  for (const field of SEGMENT_FIELDS)
    columns[field] = encode(sorted.map((e) => e[field]));
  return {
    id,
    archiveId,
    region,
    timeMin: sorted.at(-1)?.timeMs ?? Number.NaN,
    timeMax: sorted[0]?.timeMs ?? Number.NaN,
    count: sorted.length,
    columns,
    payload,
  };
}

/** A value of a row. */
export const valueAt = (
  segment: Segment,
  field: SegmentField,
  row: number,
): string => {
  const column = segment.columns[field];
  return column.values[column.codes[row]!]!;
};

/** Exact-match conditions on segment fields, ANDed (as LookupAttribute pairs are). */
export type SegmentFilter = Partial<Record<SegmentField, string>>;

/**
 * Positions (newest first) of the events of a segment in `[from, to]`
 * matching every condition, read from the columns alone.
 */
export function matchSegment(
  segment: Segment,
  from: number,
  to: number,
  filter: SegmentFilter = {},
): number[] {
  if (segment.timeMax < from || segment.timeMin > to) return [];
  const wanted: [Uint32Array, number][] = [];
  for (const [field, value] of Object.entries(filter) as [
    SegmentField,
    string | undefined,
  ][]) {
    if (value === undefined) continue;
    const column = segment.columns[field];
    const code = column.values.indexOf(value);
    if (code < 0) return [];
    wanted.push([column.codes, code]);
  }
  const { times } = segment.columns;
  const out: number[] = [];
  for (let i = 0; i < segment.count; i++) {
    const t = times[i]!;
    if (t < from || t > to) continue;
    if (wanted.every(([codes, code]) => codes[i] === code)) out.push(i);
  }
  return out;
}

/** The events at the given positions, read again from the stored file. */
export async function eventsAt(
  segment: Segment,
  positions: readonly number[],
): Promise<AuditEvent[]> {
  if (positions.length === 0) return [];
  const { events } = await parseOwnEvents(segment.payload, ARCHIVE_READ_LIMITS);
  const sorted = newestFirst(events);
  return positions.map((i) => sorted[i]!);
}
