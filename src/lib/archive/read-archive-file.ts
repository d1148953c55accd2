import type { AuditEvent } from "@/api/schemas/event";
import { readDeliveryPath, type DeliveryPath } from "./delivery-path";
import {
  FileRefusal,
  parseOwnEvents,
  type RefusalKind,
  type RejectedEvent,
} from "./events-file";
import { sha256Hex } from "./manifest";

/**
 * Limits for one delivered file. A trail writes about five minutes of
 * events per file, a few MB at most once decompressed; 64 MB leaves room
 * for a very busy account and stops a gzip bomb long before it fills
 * memory. Depth as for any events file.
 */
export const ARCHIVE_FILE_LIMITS = {
  maxTextBytes: 64 * 1024 * 1024,
  maxDepth: 512,
} as const;

/**
 * `unreadable`: the file could not be fetched or opened at all.
 * `insight`: an ActionTrail Insight file, not the trail's events.
 */
export type ArchiveRefusalKind =
  RefusalKind | "no-events" | "unreadable" | "insight";

/** `Actiontrail-Insight` as a folder or a part of the file's name (the contract: insight events go under it). */
const INSIGHT_PATH = /(^|[/_])Actiontrail-Insight([/_]|$)/i;
/** The documented `eventType` of insight events. */
const INSIGHT_EVENT_TYPE = "ActionTrailInsight";

/**
 * Insight files are refused by name, unread. The contract says only where
 * they go (`Actiontrail-Insight`) and that their events are of type
 * `ActionTrailInsight`; what an insight holds (its type, baseline, the
 * calls it counts) is not documented, so reading one as audit events would
 * put made-up records into searches and skew the coverage counts.
 */
const INSIGHT_REFUSAL = {
  kind: "insight" as const,
  message:
    "An ActionTrail Insight file (Actiontrail-Insight): it holds insight records, not the trail's events, and their layout is not documented, so it is not imported. The trail's events are under AliyunLogs/Actiontrail/.",
};

export interface ArchiveFileRead {
  path: string;
  /** Bytes of the file as given (compressed). */
  bytes: number;
  sha256: string;
  /** Where the key says it belongs, when it is in the delivery layout. */
  delivery?: DeliveryPath;
  /** Region and day it counts for (the layout's, else its first event's). */
  region?: string;
  day?: string;
  events: AuditEvent[];
  /** Events in the file that were not ActionTrail events. */
  rejectedCount: number;
  rejected: RejectedEvent[];
  /** Why the whole file was not loaded. */
  refused?: { kind: ArchiveRefusalKind; message: string };
}

/**
 * Reads one file of an archive: its hash (of the bytes as given, so the
 * evidence manifest matches what `sha256sum` says of the file on disk), its
 * place in the delivery layout, and its events. A bad file is refused with
 * its kind and reason; it never throws for the file's content.
 */
export async function readArchiveFile(
  path: string,
  data: Uint8Array,
  limits: { maxTextBytes: number; maxDepth: number } = ARCHIVE_FILE_LIMITS,
): Promise<ArchiveFileRead> {
  const sha256 = await sha256Hex(data);
  const place = readDeliveryPath(path);
  const delivery = "problem" in place ? undefined : place;
  const base = { path, bytes: data.length, sha256, delivery };
  if (delivery?.insight || INSIGHT_PATH.test(path))
    return {
      ...base,
      region: delivery?.region,
      day: delivery?.day,
      events: [],
      rejectedCount: 0,
      rejected: [],
      refused: INSIGHT_REFUSAL,
    };
  try {
    const parsed = await parseOwnEvents(data, limits);
    const first = parsed.events[0];
    const region = delivery?.region ?? first?.region;
    const day =
      delivery?.day ??
      (first && Number.isFinite(first.timeMs)
        ? new Date(first.timeMs).toISOString().slice(0, 10)
        : undefined);
    // A file with entries of which none is an event is not an events file.
    const noEvents = parsed.events.length === 0 && parsed.total > 0;
    // Named as an events file, yet holding only insight events.
    const insights =
      parsed.events.length > 0 &&
      parsed.events.every((e) => e.type === INSIGHT_EVENT_TYPE);
    return {
      ...base,
      region,
      day,
      events: parsed.events,
      rejectedCount: parsed.rejectedCount,
      rejected: parsed.rejected,
      ...(insights ? { refused: INSIGHT_REFUSAL } : {}),
      ...(noEvents
        ? {
            refused: {
              kind: "no-events" as const,
              message: `None of its ${parsed.total} entries is an ActionTrail event (${parsed.rejected[0]?.reason ?? "unknown"}).`,
            },
          }
        : {}),
    };
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    return {
      ...base,
      region: delivery?.region,
      day: delivery?.day,
      events: [],
      rejectedCount: 0,
      rejected: [],
      refused: { kind: error.kind, message: error.message },
    };
  }
}
