/**
 * Log Service (SLS) query syntax, `<search> | <SQL>`, for the simulated
 * account's logstore and the Query page. Pure, unit-tested:
 *
 *  - `splitSlsQuery` cuts the text at the first `|` outside quotes.
 *  - `parseSlsSearch` reads the search part: `*`, keywords and phrases
 *    (`"…"`), `field: value`, `field: *` (the field is present), a trailing
 *    `*` for a prefix, `and` / `or` / `not` (any case) and parentheses;
 *    neighbouring terms are ANDed, as Log Service does. A syntax error
 *    carries its offset in the whole query text.
 *  - `matchesSlsSearch` evaluates it over one log (a string map, as GetLogs
 *    answers). Log Service matches tokens, case-insensitively: a value
 *    matches when it holds the searched text between delimiters (or at its
 *    ends). A keyword matches when any field does.
 *  - `slsSqlToDuckDb` turns the SQL part into DuckDB SQL over a table named
 *    `logstore`: the implied or written `FROM log` names that table, and the
 *    few Presto functions the examples use are renamed.
 */

export class SlsSyntaxError extends Error {
  override readonly name = "SlsSyntaxError";
  constructor(
    message: string,
    /** 0-based offset in the query text. */
    readonly offset: number,
  ) {
    super(message);
  }
}

export interface SplitQuery {
  search: string;
  /** The SQL after `|`, undefined when there is none. */
  sql: string | undefined;
  /** Where the SQL starts in the text (after the `|`). */
  sqlOffset: number;
}

/** `<search> | <SQL>`: split at the first `|` outside quotes. */
export function splitSlsQuery(text: string): SplitQuery {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "|")
      return {
        search: text.slice(0, i),
        sql: text.slice(i + 1),
        sqlOffset: i + 1,
      };
  }
  return { search: text, sql: undefined, sqlOffset: text.length };
}

export type SlsSearch =
  | { kind: "all" }
  | { kind: "text"; value: string; prefix: boolean }
  | { kind: "field"; field: string; value: string; prefix: boolean }
  | { kind: "present"; field: string }
  | { kind: "not"; term: SlsSearch }
  | { kind: "and" | "or"; terms: SlsSearch[] };

interface Token {
  type: "word" | "phrase" | "field" | "(" | ")" | "star";
  text: string;
  at: number;
}

const WORD_END = /[\s()"]/;
const FIELD = /^[A-Za-z_@][\w.@-]*$/;

function tokenize(search: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < search.length) {
    const ch = search[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      tokens.push({ type: ch, text: ch, at: i });
      i++;
    } else if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (; j < search.length && search[j] !== '"'; j++) {
        if (search[j] === "\\" && j + 1 < search.length) j++;
        value += search[j];
      }
      if (j >= search.length)
        throw new SlsSyntaxError("A quoted phrase is not closed.", i);
      tokens.push({ type: "phrase", text: value, at: i });
      i = j + 1;
    } else {
      let j = i;
      while (j < search.length && !WORD_END.test(search[j] ?? "")) {
        if (search[j] === "\\" && j + 1 < search.length) j++;
        j++;
      }
      let word = search.slice(i, j);
      // `field:value` and `field: value`: the colon ends the field name.
      const colon = word.indexOf(":");
      if (colon > 0 && FIELD.test(word.slice(0, colon))) {
        tokens.push({ type: "field", text: word.slice(0, colon), at: i });
        word = word.slice(colon + 1);
        i += colon + 1;
        if (!word) continue;
      }
      tokens.push({
        type: word === "*" ? "star" : "word",
        text: word.replace(/\\(.)/g, "$1"),
        at: i,
      });
      i = j;
    }
  }
  return tokens;
}

const isOp = (t: Token | undefined, op: string) =>
  t?.type === "word" && t.text.toLowerCase() === op;

/** The search part as a tree; `base` is its offset in the whole query (for errors). */
export function parseSlsSearch(search: string, base = 0): SlsSearch {
  let tokens: Token[];
  try {
    tokens = tokenize(search);
  } catch (error) {
    if (error instanceof SlsSyntaxError)
      throw new SlsSyntaxError(error.message, error.offset + base);
    throw error;
  }
  let pos = 0;
  const fail = (message: string, token?: Token): never => {
    throw new SlsSyntaxError(message, base + (token?.at ?? search.length));
  };
  const peek = () => tokens[pos];

  function parseOr(): SlsSearch {
    const terms = [parseAnd()];
    while (isOp(peek(), "or")) {
      pos++;
      terms.push(parseAnd());
    }
    return terms.length === 1 ? terms[0]! : { kind: "or", terms };
  }
  function parseAnd(): SlsSearch {
    const terms = [parseNot()];
    for (;;) {
      const next = peek();
      if (!next || next.type === ")" || isOp(next, "or")) break;
      if (isOp(next, "and")) pos++;
      terms.push(parseNot());
    }
    return terms.length === 1 ? terms[0]! : { kind: "and", terms };
  }
  function parseNot(): SlsSearch {
    if (isOp(peek(), "not")) {
      pos++;
      return { kind: "not", term: parseNot() };
    }
    return parseTerm();
  }
  function parseTerm(): SlsSearch {
    const token = peek();
    if (!token) return fail("The search ends where a term was expected.");
    pos++;
    if (token.type === "(") {
      const inner = parseOr();
      if (peek()?.type !== ")") fail("A parenthesis is not closed.", token);
      pos++;
      return inner;
    }
    if (token.type === ")") return fail("Unexpected ).", token);
    if (token.type === "star") return { kind: "all" };
    if (token.type === "field") {
      const value = peek();
      if (!value || value.type === "(" || value.type === ")")
        return fail(`The field ${token.text} has no value.`, token);
      pos++;
      if (value.type === "star") return { kind: "present", field: token.text };
      return { kind: "field", field: token.text, ...valueOf(value) };
    }
    if (isOp(token, "and") || isOp(token, "or"))
      return fail(`${token.text} needs a term before it.`, token);
    return { kind: "text", ...valueOf(token) };
  }

  if (tokens.length === 0) return { kind: "all" };
  const tree = parseOr();
  if (pos < tokens.length) fail("Unexpected text.", tokens[pos]);
  return tree;
}

function valueOf(token: Token): { value: string; prefix: boolean } {
  if (
    token.type === "word" &&
    token.text.endsWith("*") &&
    token.text.length > 1
  )
    return { value: token.text.slice(0, -1).toLowerCase(), prefix: true };
  return { value: token.text.toLowerCase(), prefix: false };
}

/** Log Service's default token delimiters. */
const DELIMITERS = new Set(", '\";=()[]{}?@&<>/:\n\t\r".split(""));
const bounded = (text: string, at: number) =>
  at < 0 || at >= text.length || DELIMITERS.has(text[at] ?? "");

/** Whether `hay` holds `needle` as whole tokens (`prefix`: the last may go on). */
export function holdsTokens(
  hay: string,
  needle: string,
  prefix: boolean,
): boolean {
  if (!needle) return hay.length === 0;
  const text = hay.toLowerCase();
  for (
    let at = text.indexOf(needle);
    at >= 0;
    at = text.indexOf(needle, at + 1)
  )
    if (bounded(text, at - 1) && (prefix || bounded(text, at + needle.length)))
      return true;
  return false;
}

export type LogRow = Readonly<Record<string, string>>;

/** Whether one log matches the search. */
export function matchesSlsSearch(search: SlsSearch, row: LogRow): boolean {
  switch (search.kind) {
    case "all":
      return true;
    case "text":
      return Object.values(row).some((v) =>
        holdsTokens(v, search.value, search.prefix),
      );
    case "field": {
      const value = row[search.field];
      return (
        value !== undefined && holdsTokens(value, search.value, search.prefix)
      );
    }
    case "present": {
      const value = row[search.field];
      return value !== undefined && value !== "" && value !== "null";
    }
    case "not":
      return !matchesSlsSearch(search.term, row);
    case "and":
      return search.terms.every((t) => matchesSlsSearch(t, row));
    case "or":
      return search.terms.some((t) => matchesSlsSearch(t, row));
  }
}

/** Presto (Log Service) functions the examples use, and DuckDB's names for them. */
const FUNCTIONS: Record<string, string> = {
  approx_distinct: "approx_count_distinct",
  from_unixtime: "to_timestamp",
  arbitrary: "any_value",
  regexp_like: "regexp_matches",
};

const CLAUSE_AFTER_FROM = new Set([
  "where",
  "group",
  "having",
  "order",
  "limit",
  "window",
  "qualify",
  "union",
]);

interface SqlPiece {
  text: string;
  kind: "word" | "quoted" | "other";
}

/** SQL cut into words, quoted strings/identifiers and everything else. */
function sqlPieces(sql: string): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] ?? "";
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      pieces.push({ text: sql.slice(i, j + 1), kind: "quoted" });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][\w]*/.exec(sql.slice(i));
      const word = match?.[0] ?? ch;
      pieces.push({ text: word, kind: "word" });
      i += word.length;
    } else {
      pieces.push({ text: ch, kind: "other" });
      i++;
    }
  }
  return pieces;
}

const nextSolid = (pieces: SqlPiece[], from: number): number => {
  let j = from;
  while (j < pieces.length && /^\s$/.test(pieces[j]?.text ?? "")) j++;
  return j;
};

/**
 * The SQL part as DuckDB SQL over `logstore`. `__time__` stays epoch
 * seconds; `date_trunc('<unit>', __time__)` gives epoch seconds as in
 * Log Service.
 */
export function slsSqlToDuckDb(sql: string): string {
  const pieces = sqlPieces(sql);
  let depth = 0;
  let sawFrom = false;
  let insertAt = -1;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.kind === "other") {
      if (piece.text === "(") depth++;
      else if (piece.text === ")") depth--;
      continue;
    }
    if (piece.kind !== "word") continue;
    const lower = piece.text.toLowerCase();
    const after = nextSolid(pieces, i + 1);
    if (lower === "from") {
      if (depth === 0) sawFrom = true;
      const target = pieces[after];
      if (target?.kind === "word" && target.text.toLowerCase() === "log")
        target.text = "logstore";
      continue;
    }
    if (depth === 0 && !sawFrom && insertAt < 0 && CLAUSE_AFTER_FROM.has(lower))
      insertAt = i;
    const renamed = FUNCTIONS[lower];
    if (renamed && pieces[after]?.text === "(") piece.text = renamed;
  }
  let text: string;
  if (sawFrom) text = pieces.map((p) => p.text).join("");
  else if (insertAt >= 0)
    text = [
      ...pieces.slice(0, insertAt).map((p) => p.text),
      "FROM logstore ",
      ...pieces.slice(insertAt).map((p) => p.text),
    ].join("");
  else
    text = `${pieces
      .map((p) => p.text)
      .join("")
      .trimEnd()} FROM logstore`;
  return text.replace(
    /\bdate_trunc\(\s*('[a-z]+')\s*,\s*__time__\s*\)/gi,
    "CAST(epoch(date_trunc($1, to_timestamp(__time__))) AS BIGINT)",
  );
}

/**
 * The fields the trail's logstore indexes (Log Service's "Log fields" page for
 * ActionTrail, https://www.alibabacloud.com/help/en/sls/log-fields-25). A
 * query may name any of them even when none of the logs it read holds one:
 * Log Service answers NULL, so the simulated logstore's table always has them.
 */
export const LOGSTORE_INDEX_FIELDS: readonly string[] = [
  "__time__",
  "__topic__",
  "event.eventId",
  "event.eventTime",
  "event.eventType",
  "event.eventName",
  "event.eventRW",
  "event.eventSource",
  "event.eventVersion",
  "event.serviceName",
  "event.acsRegion",
  "event.sourceIpAddress",
  "event.userAgent",
  "event.requestId",
  "event.apiVersion",
  "event.errorCode",
  "event.errorMessage",
  "event.resourceType",
  "event.resourceName",
  "event.userIdentity.type",
  "event.userIdentity.principalId",
  "event.userIdentity.accountId",
  "event.userIdentity.userName",
  "event.userIdentity.accessKeyId",
  "event.eventAttributes.SensitiveAction",
];

/**
 * An ActionTrail event as a log in the trail's logstore: every field under
 * `event.`, nested objects dot-joined (`event.userIdentity.userName`), with
 * `__time__` (epoch seconds) and `__topic__`, as ActionTrail delivers to
 * Log Service (https://www.alibabacloud.com/help/en/sls/log-fields-25).
 */
export function eventToLog(
  event: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const row: Record<string, string> = {};
  const time =
    typeof event.eventTime === "string" ? Date.parse(event.eventTime) : NaN;
  row.__time__ = Number.isNaN(time) ? "0" : String(Math.floor(time / 1000));
  row.__topic__ = "actiontrail_audit_event";
  const walk = (prefix: string, value: unknown, depth: number) => {
    if (value === null || value === undefined) return;
    if (typeof value === "object" && !Array.isArray(value) && depth < 3) {
      for (const key of Object.keys(value))
        walk(
          `${prefix}.${key}`,
          (value as Record<string, unknown>)[key],
          depth + 1,
        );
      return;
    }
    row[prefix] = typeof value === "string" ? value : JSON.stringify(value);
  };
  for (const key of Object.keys(event)) walk(`event.${key}`, event[key], 0);
  return row;
}
