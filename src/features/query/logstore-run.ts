import type { LogstoreAnswer } from "@/api/log-service";
import type { QueryResult } from "./engine";
import type { SqlErrorInfo } from "./sql-error";

/**
 * A logstore page as the Query page's result: one column per key (the keys
 * Log Service lists first, then any other a row has), one row per log.
 */
export function logsToResult(answer: LogstoreAnswer): QueryResult {
  const names = [...answer.keys];
  const known = new Set(names);
  for (const row of answer.rows)
    for (const key of Object.keys(row))
      if (!known.has(key)) {
        known.add(key);
        names.push(key);
      }
  return {
    columns: names.map((name) => ({ name, type: "Utf8" })),
    rows: answer.rows.map((row) => names.map((n) => row[n] ?? null)),
    capped: false,
    ms: answer.elapsedMs,
  };
}

/**
 * Where Log Service's error points: its messages start `line <L>:<C>: …`
 * (the SQL engine's form, which the gateway passes on as it came).
 */
export function logstoreErrorInfo(message: string, text: string): SqlErrorInfo {
  const match = /^line (\d+):(\d+):\s*/.exec(message);
  if (!match) return { message };
  const line = Number(match[1]);
  const column = Number(match[2]);
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) return { message };
  const offset =
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) +
    Math.min(column - 1, lines[line - 1]?.length ?? 0);
  return {
    message: message.slice(match[0].length),
    position: { line, column, offset },
  };
}
