/**
 * The time zone times are shown in, chosen explicitly: the browser's own zone
 * ("local"), UTC, or Beijing time (UTC+8, Asia/Shanghai) whatever the
 * browser's zone is.
 */
export type TimeZonePref = "local" | "utc" | "beijing";

export const TIME_ZONE_PREFS: readonly TimeZonePref[] = [
  "local",
  "utc",
  "beijing",
];

export const isTimeZonePref = (value: unknown): value is TimeZonePref =>
  value === "local" || value === "utc" || value === "beijing";

/**
 * The zone a view shows times in: a preference, or a named IANA zone
 * (`iana:Europe/Berlin`) — the sender's browser zone, carried by a shared
 * link so the receiver sees what the sender saw.
 */
export type DisplayZone = TimeZonePref | `iana:${string}`;

/** The IANA zone of a display zone; undefined is the browser's own zone. */
export function ianaZone(zone: DisplayZone): string | undefined {
  if (zone === "utc") return "UTC";
  if (zone === "beijing") return "Asia/Shanghai";
  if (zone.startsWith("iana:")) return zone.slice(5);
  return undefined;
}

/** The browser's own IANA zone (`Europe/Berlin`); UTC when the platform does not say. */
export const browserZone = (): string =>
  new Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const isIanaZone = (name: string): boolean => {
  if (!/^[\w+-]+(\/[\w+-]+){0,2}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

/**
 * The zone as a shared link carries it (`tz=`): `UTC`, `Asia/Shanghai`
 * (Beijing time), or `browser:<IANA>` — the sender's browser zone by name,
 * so the receiver's browser zone does not stand in for it.
 */
export function zoneToParam(zone: DisplayZone): string {
  if (zone === "utc") return "UTC";
  if (zone === "beijing") return "Asia/Shanghai";
  return `browser:${ianaZone(zone) ?? browserZone()}`;
}

/**
 * A link's `tz=` read back as a display zone; undefined when it names no
 * zone. The sender's browser zone is the receiver's "browser time" only when
 * the two browsers are in the same zone.
 */
export function zoneFromParam(
  text: string | null | undefined,
): DisplayZone | undefined {
  if (!text) return undefined;
  if (text === "UTC") return "utc";
  if (text === "Asia/Shanghai") return "beijing";
  if (!text.startsWith("browser:")) return undefined;
  const name = text.slice(8);
  if (!isIanaZone(name)) return undefined;
  return name === browserZone() ? "local" : `iana:${name}`;
}

/** Whether two display zones show every instant alike (same rules, not only today's offset). */
export const sameZone = (a: DisplayZone, b: DisplayZone): boolean =>
  (ianaZone(a) ?? browserZone()) === (ianaZone(b) ?? browserZone());

/** ActionTrail's time format: UTC `yyyy-MM-ddTHH:mm:ssZ`, no milliseconds. */
export function toApiTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(".000Z", "Z");
}

/** `yyyy-MM-dd` in UTC, as DescribeUserLogCount takes it. */
export function toApiDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields of an instant in a zone (Intl, so DST rules come from the platform). */
export function wallClock(ms: number, zone: DisplayZone) {
  // The browser's zone: Date's local fields are the same calendar, read from
  // the zone in force now (tests and travellers change it), and cost nothing,
  // where a new Intl formatter per call made scrolling the table stall.
  if (zone === "local") {
    const d = new Date(ms);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
    };
  }
  let format = partsFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: ianaZone(zone),
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(zone, format);
  }
  const parts = format.formatToParts(ms);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: value("year"),
    month: value("month"),
    day: value("day"),
    hour: value("hour") % 24,
    minute: value("minute"),
    second: value("second"),
  };
}

/** The zone's offset from UTC at that instant, in minutes (east positive). */
export function zoneOffsetMinutes(zone: DisplayZone, at: number): number {
  if (zone === "utc") return 0;
  if (zone === "local") return -new Date(at).getTimezoneOffset();
  const f = wallClock(at, zone);
  const asUtc = Date.UTC(
    f.year,
    f.month - 1,
    f.day,
    f.hour,
    f.minute,
    f.second,
  );
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * `2026-11-21 14:12:05` in the chosen zone, with the zone's offset at that
 * instant when asked (`UTC`, `UTC+08:00`, `UTC-04:00`…). The digits and
 * order are the same in every language, so times line up and sort.
 */
export function formatTime(
  ms: number,
  zone: DisplayZone,
  withZone = false,
): string {
  // No words here: the same mark in every language (useFormat says "invalid time" in the reader's).
  if (!Number.isFinite(ms)) return "—";
  const f = wallClock(ms, zone);
  const text = `${f.year}-${pad(f.month)}-${pad(f.day)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
  return withZone ? `${text} ${zoneLabel(zone, ms)}` : text;
}

/**
 * The instant a wall-clock time `yyyy-MM-ddTHH:mm[:ss]` names in a zone (the
 * inverse of formatTime): what a time typed in a form means. NaN when the
 * text is not such a time.
 */
export function parseZonedTime(value: string, zone: DisplayZone): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?$/.exec(value);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((part) => Number(part ?? 0));
  if (zone === "local") return new Date(y!, mo! - 1, d, h, mi, sec).getTime();
  const asUtc = Date.UTC(y!, mo! - 1, d, h, mi, sec);
  if (zone === "utc") return asUtc;
  // The offset at the guessed instant, refined once (enough across a DST change).
  const guess = asUtc - zoneOffsetMinutes(zone, asUtc) * 60_000;
  return asUtc - zoneOffsetMinutes(zone, guess) * 60_000;
}

/** The zone's offset at one instant: each time of a range gets its own (DST). */
export function zoneLabel(zone: DisplayZone, at = Date.now()): string {
  if (zone === "utc") return "UTC";
  const offset = zoneOffsetMinutes(zone, at);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A range of time, each end labelled with its own offset, so a range across
 * a daylight-saving change says so: `… 01:30:00 UTC-05:00 – … 03:30:00 UTC-04:00`.
 */
export function formatTimeRange(
  from: number,
  to: number,
  zone: DisplayZone,
): string {
  return `${formatTime(from, zone, true)} – ${formatTime(to, zone, true)}`;
}

/** ISO 8601 in UTC with Z and milliseconds dropped: `2026-11-21T06:12:05Z`, for machines. */
export const toIsoUtc = (ms: number): string => toApiTime(ms);

/**
 * ISO 8601 in the zone, with that instant's offset: `2026-11-21T14:12:05+08:00`
 * (each time its own offset, so a column across a DST change stays exact).
 */
export function toIsoInZone(ms: number, zone: DisplayZone): string {
  if (!Number.isFinite(ms)) return "";
  const offset = zoneOffsetMinutes(zone, ms);
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${formatTime(ms, zone).replace(" ", "T")}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The zone in a file name, filesystem-safe and sortable: `UTC`, or the offset
 * at that instant without a colon (`UTC+0800`, `UTC-0500`).
 */
export function zoneFileTag(zone: DisplayZone, at: number): string {
  if (zone === "utc") return "UTC";
  return zoneLabel(zone, at).replace(":", "");
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
