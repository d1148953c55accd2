import type { AuditEvent, LookupAttribute } from "@/api/schemas/event";
import { matchesLookupAttribute } from "@/api/schemas/lookup-match";
import type { ArchiveStore } from "./archive-store";
import {
  eventsAt,
  matchSegment,
  valueAt,
  type Segment,
  type SegmentField,
  type SegmentFilter,
} from "./segment";

export interface ArchiveQuery {
  /** Regions to search; empty for all. */
  regions: readonly string[];
  from: number;
  to: number;
  filter?: SegmentFilter;
  /** At most this many events are returned (newest first). */
  limit: number;
}

export interface ArchiveAnswer {
  events: AuditEvent[];
  /** Events that matched, including those beyond the limit. */
  matched: number;
  /** Files (segments) the search looked into. */
  segments: number;
}

/** A matching row: its time, segment and position. */
interface Hit {
  time: number;
  segment: Segment;
  position: number;
}

/** Rows matching the columns' conditions, newest first, one per eventId. */
async function findHits(
  store: ArchiveStore,
  query: Omit<ArchiveQuery, "limit">,
): Promise<{ hits: Hit[]; segments: number }> {
  const segments = await store.segments(query.regions, query.from, query.to);
  const hits: Hit[] = [];
  const seen = new Set<string>();
  for (const segment of segments)
    for (const position of matchSegment(
      segment,
      query.from,
      query.to,
      query.filter,
    )) {
      const id = valueAt(segment, "id", position);
      if (id && seen.has(id)) continue;
      if (id) seen.add(id);
      hits.push({
        time: segment.columns.times[position]!,
        segment,
        position,
      });
    }
  hits.sort((a, b) => b.time - a.time);
  return { hits, segments: segments.length };
}

/** The events of some hits, parsed from their files (each file read once), newest first. */
async function parseHits(hits: readonly Hit[]): Promise<AuditEvent[]> {
  const bySegment = new Map<Segment, number[]>();
  for (const hit of hits) {
    const list = bySegment.get(hit.segment) ?? [];
    list.push(hit.position);
    bySegment.set(hit.segment, list);
  }
  const events: AuditEvent[] = [];
  for (const [segment, positions] of bySegment)
    events.push(...(await eventsAt(segment, positions)));
  return events.sort((a, b) => b.timeMs - a.timeMs);
}

/**
 * Searches imported archives: the columns of each file overlapping the
 * range are filtered, and only the newest `limit` matches are parsed into
 * events. De-duplicated by eventId (overlapping archives of one trail).
 */
export async function searchArchives(
  store: ArchiveStore,
  query: ArchiveQuery,
): Promise<ArchiveAnswer> {
  const { hits, segments } = await findHits(store, query);
  return {
    events: await parseHits(hits.slice(0, query.limit)),
    matched: hits.length,
    segments,
  };
}

/** The exact LookupAttribute keys a segment's columns answer without parsing. */
const COLUMN_OF: Partial<Record<string, SegmentField>> = {
  EventName: "name",
  User: "userName",
  ServiceName: "service",
  EventRW: "rw",
  EventAccessKeyId: "accessKeyId",
  SourceIpAddress: "sourceIp",
  EventId: "id",
  EventType: "type",
  PrincipalId: "principalId",
};

export interface ArchivePageQuery {
  region: string;
  startMs: number;
  endMs: number;
  attributes: readonly LookupAttribute[];
  limit: number;
}

/**
 * One page of a region's imported events in [startMs, endMs], newest first,
 * under LookupEvents' conditions checked with the console's one matcher
 * (lookup-match.ts), so an archive answers a search as the service would.
 * `more` says whether older matching events may be left.
 */
export async function readArchivePage(
  store: ArchiveStore,
  query: ArchivePageQuery,
): Promise<{ events: AuditEvent[]; more: boolean }> {
  const filter: SegmentFilter = {};
  for (const { Key: key, Value: value } of query.attributes) {
    const column = COLUMN_OF[key];
    if (column) filter[column] = value;
  }
  const { hits } = await findHits(store, {
    regions: [query.region],
    from: query.startMs,
    to: query.endMs,
    filter,
  });
  // Conditions the columns cannot answer (resource lists, roles, sensitive
  // actions) are checked on the parsed events, a page's worth at a time.
  const events: AuditEvent[] = [];
  let at = 0;
  while (at < hits.length && events.length < query.limit) {
    const slice = hits.slice(at, at + query.limit);
    at += slice.length;
    for (const event of await parseHits(slice))
      if (
        query.attributes.every(({ Key: key, Value: value }) =>
          matchesLookupAttribute(event, key, value),
        )
      )
        events.push(event);
  }
  return {
    events: events.slice(0, query.limit),
    more: events.length > query.limit || at < hits.length,
  };
}
