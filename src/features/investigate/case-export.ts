import { CSV_BOM, toCsv } from "@/lib/csv";
import type { Case } from "@/stores/cases-store";

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

export interface CaseExport {
  json: ExportFile;
  csv: ExportFile;
  manifest: ExportFile;
}

export interface CaseManifest {
  format: "trailscope-case/1";
  case: { id: string; name: string; createdAt: string; notes: string };
  exportedAt: string;
  eventCount: number;
  /** The searches that found the pinned events, with their absolute UTC ranges. */
  searches: {
    label: string;
    href: string;
    from: string;
    to: string;
    eventCount: number;
  }[];
  files: { name: string; bytes: number; sha256: string }[];
}

/** SHA-256 of the UTF-8 bytes of a text, in hex (what `sha256sum` prints for the downloaded file). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(text),
  );
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "case";

const CSV_HEADER = [
  "eventId",
  "eventTime",
  "region",
  "eventName",
  "userName",
  "sourceIpAddress",
  "errorCode",
  "resourceName",
  "note",
  "foundBy",
  "foundByFrom",
  "foundByTo",
];

const text = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * The export of a case: the pinned events as JSON (each event byte-faithful as
 * received) and CSV (formulas neutralised), and a manifest naming the
 * searches and absolute time ranges that found them, the event count and the
 * SHA-256 of each file.
 */
export async function buildCaseExport(
  c: Case,
  now = new Date(),
): Promise<CaseExport> {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const base = `${slug(c.name)}-${stamp}`;
  const json: ExportFile = {
    name: `${base}.json`,
    type: "application/json",
    text: `${JSON.stringify(
      {
        case: {
          id: c.id,
          name: c.name,
          createdAt: c.createdAt,
          notes: c.notes,
        },
        events: c.events.map((e) => ({
          pinnedAt: e.pinnedAt,
          note: e.note,
          foundBy: e.search,
          event: e.raw,
        })),
      },
      null,
      2,
    )}\n`,
  };
  const csv: ExportFile = {
    name: `${base}.csv`,
    type: "text/csv",
    text:
      CSV_BOM +
      toCsv(
        CSV_HEADER,
        c.events.map((e) => {
          const raw = e.raw as Record<string, unknown>;
          return [
            e.id,
            e.time,
            e.region,
            e.name,
            e.userName,
            text(raw.sourceIpAddress),
            text(raw.errorCode),
            text(raw.resourceName),
            e.note,
            e.search.label,
            e.search.from,
            e.search.to,
          ];
        }),
      ),
  };
  const searches = new Map<string, CaseManifest["searches"][number]>();
  for (const e of c.events) {
    const key = `${e.search.href}|${e.search.from}|${e.search.to}`;
    const found = searches.get(key);
    if (found) found.eventCount++;
    else searches.set(key, { ...e.search, eventCount: 1 });
  }
  const files = await Promise.all(
    [json, csv].map(async (f) => ({
      name: f.name,
      bytes: new TextEncoder().encode(f.text).length,
      sha256: await sha256Hex(f.text),
    })),
  );
  const manifest: CaseManifest = {
    format: "trailscope-case/1",
    case: { id: c.id, name: c.name, createdAt: c.createdAt, notes: c.notes },
    exportedAt: now.toISOString(),
    eventCount: c.events.length,
    searches: [...searches.values()],
    files,
  };
  return {
    json,
    csv,
    manifest: {
      name: `${base}.manifest.json`,
      type: "application/json",
      text: `${JSON.stringify(manifest, null, 2)}\n`,
    },
  };
}

/** Saves a text as a downloaded file (never opened in a tab). */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
