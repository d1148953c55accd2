/**
 * Field matching for Sigma selections over ActionTrail events, compiled once
 * per rule: paths are split, strings lower-cased, wildcards and regular
 * expressions built and CIDR prefixes parsed at compile time, so matching an
 * event never compiles anything.
 *
 * Semantics (documented for rule authors):
 * - Field names are wire paths with dots (`userIdentity.userName`,
 *   `requestParameters.x-oss-acl`). A key that itself holds dots
 *   (`requestParameters.LookupAttribute.1.Key`) is found too: at each level the
 *   longest own key that fits is tried first. Only own keys are read
 *   (`Object.hasOwn`), so `__proto__` or `constructor` in a rule or an event
 *   never reaches a prototype.
 * - A value that is an array matches if any element matches.
 * - Strings compare case-insensitively; numbers and booleans compare by their
 *   text (`22` matches 22 and "22"; `false` matches false and "false").
 * - Plain values support Sigma wildcards `*` and `?` (escape with `\`).
 * - `null` matches a field that is absent or null; `''` matches an empty string.
 * - `re` is case-sensitive and searches (anchor with ^ and $). A leading `(?i)`
 *   becomes the `i` flag; other inline flags are refused (JS has none).
 * - `cidr` takes IPv4 or IPv6 prefixes; masked addresses (`10.10.**.**`) never match.
 * - `fieldref` compares with another field of the same event (case-insensitive
 *   equality): `requestParameters.UserName|fieldref: userIdentity.userName`.
 */
import { inCidr, parseAddress, parseCidr, type Cidr } from "./cidr";

export type Scalar = string | number | boolean | null;

export class FieldError extends Error {}

const SUPPORTED = new Set([
  "contains",
  "startswith",
  "endswith",
  "re",
  "all",
  "cidr",
  "fieldref",
]);

/** Reads leaf values of a path; `visit` returns true to stop (found). */
export type PathReader = (
  event: unknown,
  visit: (value: unknown) => boolean,
) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export function compilePath(path: string): PathReader {
  const parts = path.split(".");
  const n = parts.length;
  // keys[i][j]: parts i..j-1 joined with dots, longest first when read.
  const keys: string[][] = parts.map((_, i) =>
    parts.map((__, j) => (j < i ? "" : parts.slice(i, j + 1).join("."))),
  );
  const leaf = (value: unknown, visit: (v: unknown) => boolean): boolean => {
    if (Array.isArray(value)) {
      for (const item of value) if (leaf(item, visit)) return true;
      return false;
    }
    return visit(value);
  };
  const walk = (
    node: unknown,
    i: number,
    visit: (v: unknown) => boolean,
  ): boolean => {
    if (i === n) return leaf(node, visit);
    if (Array.isArray(node)) {
      for (const item of node) if (walk(item, i, visit)) return true;
      return false;
    }
    if (!isObject(node)) return false;
    for (let j = n - 1; j >= i; j--) {
      const key = keys[i]![j]!;
      if (Object.hasOwn(node, key) && walk(node[key], j + 1, visit))
        return true;
    }
    return false;
  };
  return (event, visit) => walk(event, 0, visit);
}

/** The text a scalar is compared by (lower case), or undefined for objects, null and absent values. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.toLowerCase();
  if (typeof value === "number" || typeof value === "boolean")
    return String(value).toLowerCase();
  return undefined;
}

type Test = (value: unknown) => boolean;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A Sigma string split at unescaped wildcards: a literal (unescaped) or a regex source. */
function sigmaString(value: string): { literal: string } | { source: string } {
  let literal = "";
  let source = "";
  let wild = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\" && i + 1 < value.length && "*?\\".includes(value[i + 1]!)) {
      literal += value[i + 1]!;
      source += escapeRe(value[i + 1]!);
      i++;
    } else if (c === "*") {
      wild = true;
      source += ".*";
    } else if (c === "?") {
      wild = true;
      source += ".";
    } else {
      literal += c;
      source += escapeRe(c);
    }
  }
  return wild ? { source } : { literal };
}

const INLINE_FLAGS = /\(\?[a-zA-Z-]+[:)]/;
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

function compileRe(value: Scalar): Test {
  if (typeof value !== "string")
    throw new FieldError("`re` needs a string (a regular expression)");
  let source = value;
  let flags = "";
  if (source.startsWith("(?i)")) {
    source = source.slice(4);
    flags = "i";
  }
  if (INLINE_FLAGS.test(source))
    throw new FieldError(
      "inline regular-expression flags other than a leading (?i) are not supported",
    );
  if (NESTED_QUANTIFIER.test(source))
    throw new FieldError(
      "a repeated group that itself repeats (like (a+)+) can take exponential time on hostile text",
    );
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch {
    throw new FieldError(`"${value}" is not a valid regular expression`);
  }
  return (v) =>
    typeof v === "string"
      ? re.test(v)
      : (typeof v === "number" || typeof v === "boolean") && re.test(String(v));
}

function compileCidr(value: Scalar): Test {
  const cidr: Cidr | undefined =
    typeof value === "string" ? parseCidr(value) : undefined;
  if (!cidr)
    throw new FieldError(`"${String(value)}" is not an IPv4 or IPv6 CIDR`);
  return (v) => {
    if (typeof v !== "string") return false;
    const addr = parseAddress(v);
    return addr !== undefined && inCidr(cidr, addr);
  };
}

function compileText(value: Scalar, how: string | undefined): Test {
  if (value === null) throw new FieldError("null only works without modifiers");
  const text = textOf(value)!;
  const parsed =
    typeof value === "string" ? sigmaString(text) : { literal: text };
  if ("literal" in parsed) {
    const lit = parsed.literal;
    switch (how) {
      case "contains":
        return (v) => textOf(v)?.includes(lit) ?? false;
      case "startswith":
        return (v) => textOf(v)?.startsWith(lit) ?? false;
      case "endswith":
        return (v) => textOf(v)?.endsWith(lit) ?? false;
      default:
        return (v) => textOf(v) === lit;
    }
  }
  const body = parsed.source;
  const re = new RegExp(
    how === "contains"
      ? body
      : how === "startswith"
        ? `^${body}`
        : how === "endswith"
          ? `${body}$`
          : `^${body}$`,
    "s",
  );
  return (v) => {
    const t = textOf(v);
    return t !== undefined && re.test(t);
  };
}

export interface FieldSpec {
  /** `requestParameters.UserName|contains|all` as written. */
  key: string;
  values: Scalar[];
}

export interface CompiledField {
  field: string;
  modifiers: string[];
  /** Plain (no modifier, no wildcard) values, lower case, for the event-name index. */
  exact: string[] | undefined;
  match: (event: unknown) => boolean;
}

export function compileField({ key, values }: FieldSpec): CompiledField {
  const [field = "", ...modifiers] = key.split("|");
  if (field === "")
    throw new FieldError(
      "a match without a field name (keyword search) is not supported",
    );
  for (const m of modifiers)
    if (!SUPPORTED.has(m))
      throw new FieldError(
        `the modifier \`${m}\` is not supported (supported: ${[...SUPPORTED].join(", ")})`,
      );
  if (new Set(modifiers).size !== modifiers.length)
    throw new FieldError("a modifier is repeated");
  const all = modifiers.includes("all");
  const kinds = modifiers.filter((m) => m !== "all");
  if (kinds.length > 1)
    throw new FieldError(`\`${kinds.join("` and `")}\` cannot be combined`);
  const how = kinds[0];
  if (values.length === 0)
    throw new FieldError("an empty list of values matches nothing");
  const read = compilePath(field);

  if (values.includes(null)) {
    if (how !== undefined || all)
      throw new FieldError(
        `null cannot be used with \`${modifiers.join("|")}\``,
      );
    const others = values.filter((v) => v !== null);
    const rest = others.length
      ? compileField({ key: field, values: others }).match
      : () => false;
    const present = (event: unknown) =>
      read(event, (v) => v !== null && v !== undefined);
    return {
      field,
      modifiers,
      exact: undefined,
      match: (event) => !present(event) || rest(event),
    };
  }

  if (how === "fieldref") {
    if (all || values.length !== 1 || typeof values[0] !== "string")
      throw new FieldError("`fieldref` takes one field name");
    const other = compilePath(values[0]);
    return {
      field,
      modifiers,
      exact: undefined,
      match: (event) =>
        read(event, (v) => {
          const t = textOf(v);
          return t !== undefined && other(event, (w) => textOf(w) === t);
        }),
    };
  }

  const tests: Test[] = values.map((v) =>
    how === "re"
      ? compileRe(v)
      : how === "cidr"
        ? compileCidr(v)
        : compileText(v, how),
  );
  const exact =
    how === undefined && (!all || values.length === 1)
      ? values.map((v) => {
          const t = textOf(v)!;
          return typeof v === "string" && /[*?\\]/.test(v) ? "" : t;
        })
      : undefined;
  const match = all
    ? (event: unknown) => tests.every((test) => read(event, test))
    : tests.length === 1
      ? (event: unknown) => read(event, tests[0]!)
      : (event: unknown) => read(event, (v) => tests.some((test) => test(v)));
  return {
    field,
    modifiers,
    exact: exact?.includes("") ? undefined : exact,
    match,
  };
}
