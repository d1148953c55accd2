/** Whether times are shown in the browser's zone or in UTC. */
export type TimeZonePref = "local" | "utc";

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

/** `2026-11-21 14:12:05` in UTC or the browser's zone, with the zone named when asked. */
export function formatTime(
  ms: number,
  zone: TimeZonePref,
  withZone = false,
): string {
  if (!Number.isFinite(ms)) return "invalid time";
  const d = new Date(ms);
  const utc = zone === "utc";
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const mo = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const h = utc ? d.getUTCHours() : d.getHours();
  const mi = utc ? d.getUTCMinutes() : d.getMinutes();
  const s = utc ? d.getUTCSeconds() : d.getSeconds();
  const text = `${y}-${pad(mo + 1)}-${pad(day)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  return withZone ? `${text} ${zoneLabel(zone, ms)}` : text;
}

export function zoneLabel(zone: TimeZonePref, at = Date.now()): string {
  if (zone === "utc") return "UTC";
  const offset = -new Date(at).getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "3 min ago", "2 h ago", "5 d ago" — for recency at a glance, beside the exact time. */
export function formatRelative(ms: number, now = Date.now()): string {
  const diff = now - ms;
  const future = diff < 0;
  const abs = Math.abs(diff);
  const unit =
    abs < 60_000
      ? `${Math.round(abs / 1000)} s`
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 86_400_000
          ? `${Math.round(abs / 3_600_000)} h`
          : `${Math.round(abs / 86_400_000)} d`;
  return future ? `in ${unit}` : `${unit} ago`;
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
