import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";

/**
 * The compact form an imported file's events are kept in: a few columns a
 * search filters on (times as one Float64Array; names, users, keys… as
 * string columns that repeat few distinct values) and the events
 * themselves as one block of JSON Lines text, exactly as the file held
 * them. A million imported events are then a few hundred thousand strings
 * and typed arrays in IndexedDB, not a million object trees in memory; an
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
  /** The events' wire JSON, one per line, in the same order as the columns. */
  lines: string;
}

/** Fields the event search can filter imported events on without parsing them. */
export const SEGMENT_FIELDS = [
  "id",
  "name",
  "service",
  "rw",
  "type",
  "userName",
  "principalId",
  "accessKeyId",
  "sourceIp",
  "resourceName",
  "resourceType",
  "errorCode",
] as const satisfies readonly (keyof AuditEvent)[];

export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export type SegmentColumns = { times: Float64Array; regions: string[] } & {
  [F in SegmentField]: string[];
};

/** Builds a file's segment; events are sorted newest first, as searches read them. */
export function toSegment(
  id: string,
  archiveId: string,
  region: string,
  events: readonly AuditEvent[],
): Segment {
  const sorted = [...events].sort((a, b) => b.timeMs - a.timeMs);
  const columns = {
    times: Float64Array.from(sorted, (e) => e.timeMs),
    regions: sorted.map((e) => e.region),
  } as SegmentColumns;
  for (const field of SEGMENT_FIELDS)
    columns[field] = sorted.map((e) => e[field]);
  return {
    id,
    archiveId,
    region,
    timeMin: sorted.at(-1)?.timeMs ?? Number.NaN,
    timeMax: sorted[0]?.timeMs ?? Number.NaN,
    count: sorted.length,
    columns,
    lines: sorted.map((e) => JSON.stringify(e.raw)).join("\n"),
  };
}

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
  const conditions = Object.entries(filter).filter(
    (entry): entry is [SegmentField, string] => entry[1] !== undefined,
  );
  const { times } = segment.columns;
  const out: number[] = [];
  for (let i = 0; i < segment.count; i++) {
    const t = times[i]!;
    if (t < from || t > to) continue;
    if (conditions.every(([f, v]) => segment.columns[f][i] === v)) out.push(i);
  }
  return out;
}

/** The events at the given positions, parsed from their stored lines. */
export function eventsAt(
  segment: Segment,
  positions: readonly number[],
): AuditEvent[] {
  if (positions.length === 0) return [];
  const lines = segment.lines.split("\n");
  return positions.map((i) => auditEventSchema.parse(JSON.parse(lines[i]!)));
}
