/**
 * The simulated account's OSS bucket: what its trails with an OSS
 * destination delivered, in the documented layout (delivery-path.ts), one
 * gzipped JSON file per region and five-minute window with activity. It
 * reaches further back than LookupEvents' 90 days (the account's history
 * store holds the 90 days before), so the 180-day story of an archive is
 * there out of the box. A trail delivers only while it logs, only its
 * regions and only its kind of events (read, write or all).
 */
import { gzipSync } from "fflate";
import { deliveryKey, parseDeliveryPath } from "@/lib/archive/delivery-path";
import type { Account } from "./account";
import type { EventStore } from "./event-store";
import { REGION_IDS } from "./regions";
import type { TrailRecord } from "./trail-state";

const WINDOW_MS = 5 * 60_000;
/** ActionTrail delivers a window's file within about ten minutes. */
const DELIVERY_DELAY_MS = 10 * 60_000;
const DAY_MS = 86_400_000;

export interface DeliveredFile {
  key: string;
  size: number;
  /** When the file was written (the end of its window plus a little). */
  lastModified: number;
}

/** When the trail delivered: from logging start to stop (or now), never before creation. */
function deliverySpan(
  trail: TrailRecord,
  now: number,
): [number, number] | undefined {
  if (!trail.StartLoggingTime || !trail.OssBucketName) return undefined;
  const start = Math.max(
    Date.parse(trail.StartLoggingTime),
    Date.parse(trail.CreateTime) || 0,
  );
  const stop =
    trail.Status !== "Enable" && trail.StopLoggingTime
      ? Math.min(Date.parse(trail.StopLoggingTime), now)
      : now - DELIVERY_DELAY_MS;
  return stop > start ? [start, stop] : undefined;
}

export const trailRegions = (trail: TrailRecord): string[] =>
  trail.TrailRegion === "All"
    ? [...REGION_IDS]
    : trail.TrailRegion.split(",").filter((r) => REGION_IDS.includes(r));

/** The rows of a store in [from, to) the trail records. */
function* rows(
  store: EventStore,
  trail: TrailRecord,
  from: number,
  to: number,
): Generator<number> {
  const wanted =
    trail.EventRW === "All"
      ? () => true
      : store.matcher([{ key: "EventRW", value: trail.EventRW }]);
  const end = store.lowerBound(Math.ceil(to / 1000));
  for (let i = store.lowerBound(Math.ceil(from / 1000)); i < end; i++)
    if (wanted(i)) yield i;
}

/** The stores holding a time: the history before the account's base, its events after. */
function storesFor(
  account: Account,
  region: string,
  from: number,
  to: number,
): [EventStore, number, number][] {
  const base = account.plan.baseMs;
  const out: [EventStore, number, number][] = [];
  if (from < base)
    out.push([account.historyStore(region), from, Math.min(to, base)]);
  if (to > base) out.push([account.store(region), Math.max(from, base), to]);
  return out;
}

/**
 * One bucket object per region and window: built once, kept, so listing
 * and reading agree byte for byte.
 */
const objects = new WeakMap<Account, Map<string, Uint8Array>>();

function buildFiles(
  account: Account,
  trail: TrailRecord,
  region: string,
  from: number,
  to: number,
): DeliveredFile[] {
  const cache = objects.get(account) ?? new Map<string, Uint8Array>();
  objects.set(account, cache);
  const files: DeliveredFile[] = [];
  for (const [store, a, b] of storesFor(account, region, from, to)) {
    let window = Number.NaN;
    let batch: Record<string, unknown>[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      const text = JSON.stringify(batch);
      const bytes = gzipSync(new TextEncoder().encode(text), {
        mtime: window + WINDOW_MS,
      });
      const key = deliveryKey({
        prefix: trail.OssKeyPrefix,
        region,
        // Named by the window's last second, so a file sits in its events' day.
        writtenAt: window + WINDOW_MS - 1000,
        eventCount: batch.length,
        bytes: bytes.length,
        md5: md5Like(text),
      });
      cache.set(`${trail.OssBucketName}/${key}`, bytes);
      files.push({
        key,
        size: bytes.length,
        lastModified: window + WINDOW_MS + 60_000,
      });
      batch = [];
    };
    for (const i of rows(store, trail, a, b)) {
      const at = store.timeSec(i) * 1000;
      const w = Math.floor(at / WINDOW_MS) * WINDOW_MS;
      if (w !== window) {
        flush();
        window = w;
      }
      batch.push(store.materialize(i));
    }
    flush();
  }
  return files;
}

/** 32 hex digits from the text (the name's checksum field; not a real MD5). */
function md5Like(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(h1)}${hex(h2)}${hex(h1 ^ h2)}${hex(Math.imul(h1, h2))}`;
}

/**
 * The files a trail delivered for the days [fromDay, toDay] (UTC, both
 * included), in key order, as a bucket listing gives them.
 */
export function listDelivered(
  account: Account,
  trail: TrailRecord,
  fromDay: string,
  toDay: string,
  regions?: readonly string[],
): DeliveredFile[] {
  const span = deliverySpan(trail, account.currentTime());
  if (!span) return [];
  const from = Math.max(span[0], Date.parse(`${fromDay}T00:00:00Z`));
  const to = Math.min(span[1], Date.parse(`${toDay}T00:00:00Z`) + DAY_MS);
  if (!(to > from)) return [];
  const wanted = trailRegions(trail).filter(
    (r) => !regions?.length || regions.includes(r),
  );
  return wanted
    .flatMap((region) => buildFiles(account, trail, region, from, to))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A delivered object's bytes, or undefined when the trail never wrote that key. */
export function readDelivered(
  account: Account,
  trail: TrailRecord,
  key: string,
): Uint8Array | undefined {
  const cached = objects.get(account)?.get(`${trail.OssBucketName}/${key}`);
  if (cached) return cached;
  const place = parseDeliveryPath(key);
  if (!place || place.prefix !== trail.OssKeyPrefix) return undefined;
  listDelivered(account, trail, place.day, place.day, [place.region]);
  return objects.get(account)?.get(`${trail.OssBucketName}/${key}`);
}
