/**
 * Where a trail's delivered file sits in its OSS bucket, read from the
 * object key. The API contract (actiontrail-api.md, "Delivered files in
 * OSS") gives the layout:
 *
 *   <prefix>/AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/
 *     Actiontrail_<RegionId>_<YYYYMMDDHHMMSS>_1002_<EventCount>_<Bytes>_<md5>.gz
 *
 * Multi-account trails insert `<rd_id>/<accountId>/` before the region, and
 * insight events go under `Actiontrail-Insight`. Files are also met named
 * `<accountId>_Actiontrail_<RegionId>_<timestamp>_<id>.json.gz`; both are
 * read. Nothing else is assumed: a key that is not a delivery file gives
 * `undefined`, with the reason from `describeDeliveryPath`.
 */
export interface DeliveryPath {
  /** The bucket prefix before `AliyunLogs/` ("" when there is none). */
  prefix: string;
  region: string;
  /** The folder's day, `YYYY-MM-DD`, as the trail wrote it. */
  day: string;
  /**
   * The name's `YYYYMMDDHHMMSS`, as written: the documentation does not say
   * in which zone, so it is kept as text and only used to order files.
   */
  stamp?: string;
  /** The member account of a multi-account trail, or the name's account. */
  accountId?: string;
  /** The resource directory of a multi-account trail. */
  directoryId?: string;
  /** Insight events (`Actiontrail-Insight`) rather than events. */
  insight: boolean;
  /** What the name says the file holds, when it says so. */
  eventCount?: number;
  bytes?: number;
  md5?: string;
  fileName: string;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-?\d*$/;
const DIGITS = /^\d+$/;

/** A real `YYYYMMDDHHMMSS` (a calendar day, hours below 24…). */
function isStamp(text: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  return Boolean(
    m &&
    validDay(m[1]!, m[2]!, m[3]!) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60,
  );
}

function validDay(y: string, m: string, d: string): string | undefined {
  if (!/^\d{4}$/.test(y) || !/^\d{2}$/.test(m) || !/^\d{2}$/.test(d))
    return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
    ? `${y}-${m}-${d}`
    : undefined;
}

/** Reads the name part: both documented forms. */
function readName(
  fileName: string,
  region: string,
): Omit<DeliveryPath, "prefix" | "region" | "day" | "insight"> | undefined {
  const bare = fileName.replace(/\.json\.gz$|\.gz$|\.json$/, "");
  if (bare === fileName) return undefined;
  const parts = bare.split("_");
  const at = parts.findIndex(
    (p, i) => /^Actiontrail(-Insight)?$/i.test(p) && parts[i + 1] === region,
  );
  if (at < 0) return undefined;
  const before = parts.slice(0, at);
  const after = parts.slice(at + 2);
  const accountId =
    before.length === 1 && DIGITS.test(before[0]!) ? before[0] : undefined;
  if (before.length > 1 || (before.length === 1 && !accountId))
    return undefined;
  if (!after[0] || !isStamp(after[0])) return undefined;
  const result: Omit<DeliveryPath, "prefix" | "region" | "day" | "insight"> = {
    fileName,
    stamp: after[0],
    ...(accountId ? { accountId } : {}),
  };
  // Actiontrail_<region>_<stamp>_1002_<count>_<bytes>_<md5>
  if (
    after.length === 5 &&
    DIGITS.test(after[2]!) &&
    DIGITS.test(after[3]!) &&
    /^[0-9a-f]{32}$/i.test(after[4]!)
  ) {
    result.eventCount = Number(after[2]);
    result.bytes = Number(after[3]);
    result.md5 = after[4]!.toLowerCase();
  }
  return result;
}

export type DeliveryPathProblem =
  "not-actiontrail" | "bad-region" | "bad-day" | "bad-name";

/** Reads an object key or a relative path; undefined when it is not a delivery file. */
export function parseDeliveryPath(key: string): DeliveryPath | undefined {
  const read = readDeliveryPath(key);
  return "problem" in read ? undefined : read;
}

/** Like parseDeliveryPath, with the reason a key is not a delivery file. */
export function readDeliveryPath(
  key: string,
): DeliveryPath | { problem: DeliveryPathProblem } {
  const parts = key.replace(/\\/g, "/").split("/").filter(Boolean);
  const root = parts.findIndex(
    (p, i) =>
      p === "AliyunLogs" && /^Actiontrail(-Insight)?$/.test(parts[i + 1] ?? ""),
  );
  if (root < 0) return { problem: "not-actiontrail" };
  const insight = parts[root + 1] === "Actiontrail-Insight";
  let rest = parts.slice(root + 2);
  let directoryId: string | undefined;
  let memberId: string | undefined;
  // Multi-account: <rd_id>/<accountId>/<region>/…
  if (rest.length === 7 && DIGITS.test(rest[1]!) && !REGION.test(rest[0]!)) {
    directoryId = rest[0];
    memberId = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length !== 5) return { problem: "bad-day" };
  const [region, y, m, d, fileName] = rest as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (!REGION.test(region)) return { problem: "bad-region" };
  const day = validDay(y, m, d);
  if (!day) return { problem: "bad-day" };
  const name = readName(fileName, region);
  if (!name) return { problem: "bad-name" };
  return {
    prefix: parts.slice(0, root).join("/"),
    region,
    day,
    insight,
    ...name,
    ...(memberId ? { accountId: memberId } : {}),
    ...(directoryId ? { directoryId } : {}),
  };
}

/**
 * The key a trail writes a file under (the contract's form), for the
 * simulated bucket and tests. Its folder and stamp are the given instant in
 * UTC (the zone the service uses is not documented).
 */
export function deliveryKey(file: {
  prefix?: string;
  region: string;
  writtenAt: number;
  eventCount: number;
  bytes: number;
  md5: string;
}): string {
  const utc = new Date(file.writtenAt).toISOString();
  const [date, time] = utc.slice(0, 19).split("T") as [string, string];
  const [y, m, d] = date.split("-") as [string, string, string];
  const compact = `${y}${m}${d}${time.replace(/:/g, "")}`;
  const folder = [
    file.prefix,
    "AliyunLogs",
    "Actiontrail",
    file.region,
    y,
    m,
    d,
  ]
    .filter(Boolean)
    .join("/");
  return `${folder}/Actiontrail_${file.region}_${compact}_1002_${file.eventCount}_${file.bytes}_${file.md5}.gz`;
}
