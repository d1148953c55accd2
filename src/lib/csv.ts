/**
 * CSV for spreadsheets, safe against formula injection.
 *
 * - RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled,
 *   records end with CRLF.
 * - Formulas: a cell that starts with `=`, `+`, `-`, `@`, TAB, CR, LF or NUL is
 *   prefixed with `'` so Excel, LibreOffice and Sheets show it as text (also in
 *   the header row, and when a newline follows the trigger: `=1+1\nnote`).
 *   Their fullwidth forms (`＝` `＋` `－` `＠`, U+FF1D U+FF0B U+FF0D U+FF20)
 *   are triggers too: some spreadsheets normalise them to the ASCII ones.
 * - Plain numbers (`-12`, `-3.5`, `+1e3`) are data, not formulas: they are
 *   left as they are so exported negative numbers stay numbers. Anything else
 *   that starts with a trigger (`-1+1`, `-1-1`, `+1+1`) is prefixed.
 * - The file starts with a UTF-8 byte order mark so Excel reads UTF-8.
 */

export const CSV_BOM = "\uFEFF";

const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a spreadsheet would read this cell as a formula (plain numbers are not). */
export function isFormulaLike(value: string): boolean {
  return FORMULA_TRIGGER.test(value) && !PLAIN_NUMBER.test(value);
}

/** One cell: neutralised if it looks like a formula, then quoted when RFC 4180 requires it. */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ""
      : typeof value === "string"
        ? value
        : typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : JSON.stringify(value);
  if (isFormulaLike(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",");
}

/** A whole CSV document (without BOM): header row then data rows, CRLF line ends. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly unknown[]>,
): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return `${lines.join("\r\n")}\r\n`;
}
