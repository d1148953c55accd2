import type { AuditEvent } from "@/api/schemas/event";
import { CSV_BOM, toCsv } from "@/lib/csv";
import {
  ianaZone,
  toApiTime,
  toIsoInZone,
  toIsoUtc,
  zoneFileTag,
  browserZone,
  type DisplayZone,
} from "@/lib/time";
import type { TimeWindow } from "@/api/time-window";

export type ExportFormat = "csv" | "json" | "jsonl";

type Column = [string, (e: AuditEvent) => string];

/**
 * The time columns: the service's eventTime as sent (evidence), the same
 * instant as machine-readable UTC (ISO 8601 with Z), and in the zone the
 * reader chose, ISO 8601 with that instant's own offset, named by its zone.
 */
const timeColumns = (zone: DisplayZone): Column[] => {
  const name = ianaZone(zone) ?? browserZone();
  return [
    ["eventTime", (e) => e.time],
    ["eventTimeUtc", (e) => toIsoUtc(e.timeMs)],
    ["eventTimeInZone", (e) => toIsoInZone(e.timeMs, zone)],
    ["timeZone", () => name],
  ];
};

const CSV_COLUMNS: Column[] = [
  ["eventName", (e) => e.name],
  ["userName", (e) => e.userName],
  ["identityType", (e) => e.identityType],
  ["accountId", (e) => e.accountId],
  ["accessKeyId", (e) => e.accessKeyId],
  ["sourceIpAddress", (e) => e.sourceIp],
  ["userAgent", (e) => e.userAgent],
  ["serviceName", (e) => e.service],
  ["eventRW", (e) => e.rw],
  ["eventType", (e) => e.type],
  ["resourceType", (e) => e.resourceType],
  ["resourceName", (e) => e.resourceName],
  ["region", (e) => e.region],
  ["errorCode", (e) => e.errorCode],
  ["errorMessage", (e) => e.errorMessage],
  ["eventId", (e) => e.id],
  ["requestId", (e) => e.requestId],
];

export function eventsToCsv(
  events: readonly AuditEvent[],
  zone: DisplayZone = "utc",
): string {
  const columns = [...timeColumns(zone), ...CSV_COLUMNS];
  return (
    CSV_BOM +
    toCsv(
      columns.map(([name]) => name),
      events.map((e) => columns.map(([, get]) => get(e))),
    )
  );
}

const rawJson = (e: AuditEvent): string => {
  try {
    return JSON.stringify(e.raw);
  } catch {
    return "null";
  }
};

/** JSON keeps each event as the service sent it (its `raw` object). */
export function eventsToJson(events: readonly AuditEvent[]): string {
  return `[\n${events.map(rawJson).join(",\n")}\n]\n`;
}

export function eventsToJsonLines(events: readonly AuditEvent[]): string {
  return events.map((e) => `${rawJson(e)}\n`).join("");
}

const MIME: Record<ExportFormat, string> = {
  csv: "text/csv;charset=utf-8",
  json: "application/json",
  jsonl: "application/x-ndjson",
};

export function exportBlob(
  events: readonly AuditEvent[],
  format: ExportFormat,
  zone: DisplayZone = "utc",
): Blob {
  const text =
    format === "csv"
      ? eventsToCsv(events, zone)
      : format === "json"
        ? eventsToJson(events)
        : eventsToJsonLines(events);
  return new Blob([text], { type: MIME[format] });
}

/** `20261123T0300Z`: basic ISO 8601 in UTC, minutes precision, filesystem-safe. */
const stamp = (ms: number) =>
  toApiTime(ms)
    .replace(/[-:]/g, "")
    .replace(/\d\dZ$/, "Z");

/**
 * `trailscope-events-cn-hangzhou-20261116T0300Z-20261123T0300Z-UTC+0800.csv`: the
 * range in UTC, then the zone the file's local-time column is in (its offset
 * at the end of the range; `UTC` when that is the choice).
 */
export function exportFileName(
  region: string,
  window: TimeWindow | undefined,
  format: ExportFormat,
  zone: DisplayZone = "utc",
): string {
  const safeRegion = region.replace(/[^a-z0-9-]/gi, "") || "region";
  const range = window
    ? `-${stamp(window.startMs)}-${stamp(window.endMs)}`
    : "";
  const tag = zoneFileTag(zone, window?.endMs ?? Date.now());
  return `trailscope-events-${safeRegion}${range}-${tag}.${format}`;
}
