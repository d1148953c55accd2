/**
 * Where a DuckDB error points in the query text. DuckDB's messages end with
 * the offending line and a caret under the position:
 *
 *   Parser Error: syntax error at or near "FORM"
 *
 *   LINE 1: SELECT * FORM events
 *                    ^
 *
 * Long lines are shortened with "..." around the position, so the column is
 * found by locating the quoted excerpt in the real line.
 */
export interface SqlErrorPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Offset in the whole query text, 0-based. */
  offset: number;
}

export interface SqlErrorInfo {
  /** The message without the LINE/caret excerpt. */
  message: string;
  position?: SqlErrorPosition | undefined;
}

/** DuckDB-WASM sends errors as JSON ({exception_type, exception_message}); plain text otherwise. */
function unwrap(message: string): string {
  try {
    const parsed = JSON.parse(message) as {
      exception_type?: unknown;
      exception_message?: unknown;
    };
    if (typeof parsed.exception_message === "string")
      return typeof parsed.exception_type === "string"
        ? `${parsed.exception_type} Error: ${parsed.exception_message}`
        : parsed.exception_message;
  } catch {
    // not JSON: DuckDB's plain text
  }
  return message;
}

export function parseSqlError(raw: string, sql: string): SqlErrorInfo {
  const message = unwrap(raw);
  const lines = message.split("\n");
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l));
  if (at < 0) return { message: message.trim() };
  const head = lines.slice(0, at).join("\n").trim();
  const match = /^LINE (\d+): (.*)$/.exec(lines[at] ?? "");
  const caretLine = lines[at + 1] ?? "";
  const caret = caretLine.indexOf("^");
  if (!match || caret < 0) return { message: head };
  const lineNo = Number(match[1]);
  const prefix = `LINE ${match[1]}: `.length;
  let excerpt = match[2] ?? "";
  let within = caret - prefix;
  if (excerpt.startsWith("...")) {
    excerpt = excerpt.slice(3);
    within -= 3;
  }
  if (excerpt.endsWith("...")) excerpt = excerpt.slice(0, -3);
  const sqlLines = sql.split("\n");
  const real = sqlLines[lineNo - 1];
  if (real === undefined) return { message: head };
  const start = Math.max(0, real.indexOf(excerpt));
  const column = Math.min(real.length, Math.max(0, start + within)) + 1;
  const offset =
    sqlLines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0) +
    column -
    1;
  return { message: head, position: { line: lineNo, column, offset } };
}
