import type { AuditEvent } from "@/api/schemas/event";
import type { ArchiveStore } from "./archive-store";
import { eventsAt, matchSegment, valueAt, type SegmentFilter } from "./segment";

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

/**
 * Searches imported archives: the columns of each file overlapping the
 * range are filtered, and only the newest `limit` matches are parsed into
 * events. De-duplicated by eventId (overlapping archives of one trail).
 */
export async function searchArchives(
  store: ArchiveStore,
  query: ArchiveQuery,
): Promise<ArchiveAnswer> {
  const segments = await store.segments(query.regions, query.from, query.to);
  const hits: { time: number; segment: number; position: number }[] = [];
  const seen = new Set<string>();
  segments.forEach((segment, s) => {
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
        segment: s,
        position,
      });
    }
  });
  hits.sort((a, b) => b.time - a.time);
  const kept = hits.slice(0, query.limit);
  const bySegment = new Map<number, number[]>();
  for (const hit of kept) {
    const list = bySegment.get(hit.segment) ?? [];
    list.push(hit.position);
    bySegment.set(hit.segment, list);
  }
  const events: AuditEvent[] = [];
  for (const [s, positions] of bySegment)
    events.push(...(await eventsAt(segments[s]!, positions)));
  events.sort((a, b) => b.timeMs - a.timeMs);
  return { events, matched: hits.length, segments: segments.length };
}
