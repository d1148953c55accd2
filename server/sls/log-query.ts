import type { LogQuery } from "./sls-reader";

/**
 * A query route's parameters, checked: the query text (at most 8,000
 * characters; `*` when empty), the time range in epoch seconds (`to` after
 * `from`, at most 366 days), the page (`offset` ≥ 0, `line` 1…maxLines) and
 * the order (`reverse=true`: newest first).
 */
export const MAX_QUERY_CHARS = 8_000;
const MAX_SPAN_S = 366 * 86_400;

export type LogQueryCheck =
  { ok: true; value: LogQuery } | { ok: false; message: string };

const whole = (text: string | null): number | undefined => {
  if (text === null || !/^\d{1,12}$/.test(text)) return undefined;
  return Number(text);
};

export function readLogQuery(
  params: URLSearchParams,
  maxLines: number,
): LogQueryCheck {
  const query = (params.get("query") ?? "").trim() || "*";
  if (query.length > MAX_QUERY_CHARS)
    return {
      ok: false,
      message: `The query is longer than ${MAX_QUERY_CHARS} characters.`,
    };
  const from = whole(params.get("from"));
  const to = whole(params.get("to"));
  if (from === undefined || to === undefined || to <= from)
    return {
      ok: false,
      message: "from and to are epoch seconds, from before to.",
    };
  if (to - from > MAX_SPAN_S)
    return { ok: false, message: "One query spans at most 366 days." };
  const offset = whole(params.get("offset") ?? "0");
  const line = whole(params.get("line") ?? String(maxLines));
  if (offset === undefined || offset > 1_000_000)
    return { ok: false, message: "offset is a whole number up to 1000000." };
  if (line === undefined || line < 1 || line > maxLines)
    return {
      ok: false,
      message: `line is a whole number from 1 to ${maxLines}.`,
    };
  return {
    ok: true,
    value: {
      query,
      from,
      to,
      offset,
      line,
      reverse: params.get("reverse") === "true",
    },
  };
}
