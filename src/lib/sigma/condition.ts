/**
 * The Sigma `condition` grammar Trailscope supports:
 *
 *   expr    := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | primary
 *   primary := "(" expr ")" | ("1" | "all") "of" (pattern | "them") | selection
 *
 * `pattern` may end in (or hold) `*`; `them` means every selection whose name
 * does not start with `_`. Aggregations (`| count() …`), `near` and other
 * quantifiers (`2 of …`) are refused with a reason.
 */

export type Condition =
  | { kind: "sel"; name: string }
  | { kind: "and"; items: Condition[] }
  | { kind: "or"; items: Condition[] }
  | { kind: "not"; item: Condition }
  | { kind: "of"; all: boolean; names: string[] };

export class ConditionError extends Error {}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(\(|\)|\||[^\s()|]+)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(text)) !== null) {
    tokens.push(m[1]!);
    last = re.lastIndex;
  }
  if (text.slice(last).trim() !== "")
    throw new ConditionError(`cannot read "${text.slice(last).trim()}"`);
  return tokens;
}

const globToRegExp = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );

/** Parses a condition against the rule's selection names (in their declared order). */
export function parseCondition(
  text: string,
  selections: readonly string[],
): Condition {
  const tokens = tokenize(text);
  if (tokens.includes("|"))
    throw new ConditionError(
      "aggregations (`| count() …`) are not supported: Trailscope evaluates one event at a time",
    );
  if (tokens.some((t) => t.toLowerCase() === "near"))
    throw new ConditionError("`near` (event correlation) is not supported");
  let pos = 0;
  const peek = () => tokens[pos]?.toLowerCase();
  const known = new Set(selections);

  const expr = (): Condition => {
    const items = [and()];
    while (peek() === "or") {
      pos++;
      items.push(and());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  };
  const and = (): Condition => {
    const items = [not()];
    while (peek() === "and") {
      pos++;
      items.push(not());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  };
  const not = (): Condition => {
    if (peek() === "not") {
      pos++;
      return { kind: "not", item: not() };
    }
    return primary();
  };
  const primary = (): Condition => {
    const token = tokens[pos];
    if (token === undefined)
      throw new ConditionError("the condition ends too early");
    const lower = token.toLowerCase();
    if (token === "(") {
      pos++;
      const inner = expr();
      if (tokens[pos] !== ")") throw new ConditionError("a `(` is not closed");
      pos++;
      return inner;
    }
    if (tokens[pos + 1]?.toLowerCase() === "of") {
      if (lower !== "1" && lower !== "all")
        throw new ConditionError(
          `\`${token} of\` is not supported: use \`1 of\` or \`all of\``,
        );
      const target = tokens[pos + 2];
      if (target === undefined || target === "(" || target === ")")
        throw new ConditionError(
          `\`${token} of\` needs a name pattern or \`them\``,
        );
      pos += 3;
      let names: string[];
      if (target.toLowerCase() === "them")
        names = selections.filter((s) => !s.startsWith("_"));
      else {
        const re = globToRegExp(target);
        names = selections.filter((s) => re.test(s));
      }
      if (names.length === 0)
        throw new ConditionError(`\`${target}\` names no selection`);
      return { kind: "of", all: lower === "all", names };
    }
    if (["and", "or", ")", "of"].includes(lower))
      throw new ConditionError(`unexpected \`${token}\``);
    if (!known.has(token))
      throw new ConditionError(`\`${token}\` is not a selection of this rule`);
    pos++;
    return { kind: "sel", name: token };
  };

  const result = expr();
  if (pos < tokens.length)
    throw new ConditionError(`unexpected \`${tokens[pos]}\``);
  return result;
}
