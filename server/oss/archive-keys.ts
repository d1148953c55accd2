import { parseDeliveryPath } from "../../src/lib/archive/delivery-path";

/**
 * Which OSS keys belong to a trail's delivered archive, and which days one
 * listing may cover. ActionTrail writes a trail's files under
 * `<OssKeyPrefix>/AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/…`
 * (multi-account trails insert `<rd_id>/<accountId>/` before the region;
 * actiontrail-api.md, "Delivered files in OSS"); the gateway reads nothing
 * else in the bucket. The same key reader (src/lib/archive/delivery-path.ts)
 * decides for the gateway and for the console's import.
 */
export const MAX_LIST_DAYS = 31;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** `<OssKeyPrefix>/AliyunLogs/Actiontrail/` ("AliyunLogs/…" without a prefix). */
export function deliveryRoot(ossKeyPrefix: string): string {
  const prefix = ossKeyPrefix.replace(/^\/+|\/+$/g, "");
  return `${prefix ? `${prefix}/` : ""}AliyunLogs/Actiontrail/`;
}

/** The folder of one region's (or member account's region's) files for one UTC day. */
export function dayFolder(regionFolder: string, day: string): string {
  const [y, m, d] = day.split("-") as [string, string, string];
  return `${regionFolder}${y}/${m}/${d}/`;
}

export type KeyVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether a key is one of the trail's delivery files: under its delivery
 * root, read as a delivery file name, with the trail's own prefix (so a
 * prefix `audit` never reaches `audit-other/…`), no empty or dot segments.
 */
export function checkArchiveKey(key: string, ossKeyPrefix: string): KeyVerdict {
  if (key.length === 0 || key.length > 1023)
    return { ok: false, reason: "The key is empty or longer than OSS allows." };
  if (
    [...key].some(
      (ch) => ch.charCodeAt(0) < 0x20 || ch === "\u007f" || ch === "\\",
    )
  )
    return {
      ok: false,
      reason: "The key holds control characters or backslashes.",
    };
  const root = deliveryRoot(ossKeyPrefix);
  if (!key.startsWith(root))
    return {
      ok: false,
      reason: `The key is not under the trail's delivery prefix ${root}.`,
    };
  if (
    key.split("/").some((part) => part === "" || part === "." || part === "..")
  )
    return { ok: false, reason: "The key has an empty or dot segment." };
  const place = parseDeliveryPath(key);
  if (
    !place ||
    place.insight ||
    place.prefix !== ossKeyPrefix.replace(/^\/+|\/+$/g, "")
  )
    return {
      ok: false,
      reason: "The key is not a file ActionTrail delivers for this trail.",
    };
  return { ok: true };
}

export type DayRange =
  { ok: true; days: string[] } | { ok: false; code: string; message: string };

/** Midnight UTC of a real calendar day `yyyy-MM-dd`, else undefined. */
function dayStart(day: string): number | undefined {
  if (!DAY.test(day)) return undefined;
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(day)
    ? at
    : undefined;
}

/** The UTC days from `from` to `to` (both included), at most MAX_LIST_DAYS. */
export function listingDays(from: string, to: string): DayRange {
  const start = dayStart(from);
  const end = dayStart(to);
  if (start === undefined || end === undefined || end < start)
    return {
      ok: false,
      code: "InvalidParameter",
      message: "from and to are days (yyyy-MM-dd), from not after to.",
    };
  const count = (end - start) / DAY_MS + 1;
  if (count > MAX_LIST_DAYS)
    return {
      ok: false,
      code: "InvalidParameterDateOutOfRange",
      message: `One listing spans at most ${MAX_LIST_DAYS} days.`,
    };
  const days: string[] = [];
  for (let at = start; at <= end; at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return { ok: true, days };
}
