import { CSV_BOM, toCsv } from "@/lib/csv";
import type { QueryResult } from "./engine";

/** A result as formula-safe CSV (src/lib/csv.ts) or as JSON rows, downloaded (never opened). */
export function resultFile(result: QueryResult, format: "csv" | "json"): Blob {
  const names = result.columns.map((c) => c.name);
  if (format === "csv")
    return new Blob([CSV_BOM + toCsv(names, result.rows)], {
      type: "text/csv;charset=utf-8",
    });
  const objects = result.rows.map((row) => {
    const object: Record<string, unknown> = Object.create(null) as Record<
      string,
      unknown
    >;
    names.forEach((name, i) => (object[name] = row[i]));
    return object;
  });
  return new Blob([JSON.stringify(objects, null, 2)], {
    type: "application/json",
  });
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
