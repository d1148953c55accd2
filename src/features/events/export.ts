import type { AuditEvent } from "@/api/schemas/event";
import { CSV_BOM, toCsv } from "@/lib/csv";
import { toApiTime } from "@/lib/time";
import type { TimeWindow } from "@/api/time-window";

export type ExportFormat = "csv" | "json" | "jsonl";

const CSV_COLUMNS: Array<[string, (e: AuditEvent) => string]> = [
  ["eventTime", (e) => e.time],
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

export const CSV_HEADER = CSV_COLUMNS.map(([name]) => name);

export function eventsToCsv(events: readonly AuditEvent[]): string {
  return (
    CSV_BOM +
    toCsv(
      CSV_HEADER,
      events.map((e) => CSV_COLUMNS.map(([, get]) => get(e))),
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
): Blob {
  const text =
    format === "csv"
      ? eventsToCsv(events)
      : format === "json"
        ? eventsToJson(events)
        : eventsToJsonLines(events);
  return new Blob([text], { type: MIME[format] });
}

const stamp = (ms: number) =>
  toApiTime(ms).replace(/[-:]/g, "").replace("T", "-");

/** `actiontrail-cn-hangzhou-20261114-061200Z-20261121-061200Z.csv` */
export function exportFileName(
  region: string,
  window: TimeWindow | undefined,
  format: ExportFormat,
): string {
  const safeRegion = region.replace(/[^a-z0-9-]/gi, "") || "region";
  const range = window
    ? `-${stamp(window.startMs)}-${stamp(window.endMs)}`
    : "";
  return `actiontrail-${safeRegion}${range}.${format}`;
}

/** Downloads through a Blob and `<a download>`: the file is saved, never opened in a tab. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
