/**
 * Compiles Sigma rules (the subset cloud audit rules use) into matchers over
 * ActionTrail wire events (`AuditEvent.raw`). Anything outside the subset is
 * refused with its line and the reason; nothing is evaluated with eval or
 * new Function (the Content-Security-Policy forbids both).
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
} from "yaml";
import { ConditionError, parseCondition, type Condition } from "./condition";
import { compileField, FieldError, type Scalar } from "./field-match";

export const LEVELS = [
  "informational",
  "low",
  "medium",
  "high",
  "critical",
] as const;
export type Level = (typeof LEVELS)[number];

export interface RuleMeta {
  id: string;
  title: string;
  description: string;
  level: Level;
  status: string;
  falsepositives: string[];
  tags: string[];
  logsource: Record<string, string>;
  /**
   * Translations of the rule's words (`x-trailscope-i18n: { zh-CN: { title,
   * description, falsepositives } }`); read through `ruleText`.
   */
  i18n?: Record<string, RuleWords>;
}

/** The words of a rule a reader sees, in one language. */
export interface RuleWords {
  title: string;
  description: string;
  falsepositives: string[];
}

/** Example events a rule carries: `x-trailscope-tests: { match: [...], nomatch: [...] }`. */
export interface RuleTests {
  match: unknown[];
  nomatch: unknown[];
}

export interface CompiledRule {
  meta: RuleMeta;
  /** The YAML the rule came from (for export). */
  source: string;
  /** The line of the text its document starts at (1-based). */
  line: number;
  tests: RuleTests;
  /** Lower-case event names the rule can only match, or undefined when it may match any. */
  eventNames: ReadonlySet<string> | undefined;
  /** Whether a wire event (`AuditEvent.raw`) matches. */
  match: (event: unknown) => boolean;
}

export interface Refusal {
  /** 1-based; 0 when the text has no line to point at. */
  line: number;
  reason: string;
}

export type CompileResult =
  | { ok: true; rule: CompiledRule }
  | { ok: false; refusals: Refusal[]; title?: string };

export interface CompileOptions {
  /**
   * The shipped pack demands full metadata (UUID id, description, level,
   * false positives, ATT&CK tags, the ActionTrail logsource, test events);
   * user rules need only a title and a detection.
   */
  strict?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Refused extends Error {
  constructor(
    readonly node: Node | Pair | null | undefined,
    reason: string,
  ) {
    super(reason);
  }
}

type Matcher = (event: unknown) => boolean;

interface Selection {
  match: Matcher;
  /** Lower-case event names this selection requires, if any. */
  names: Set<string> | undefined;
}

function lineOf(
  counter: LineCounter,
  node: Node | Pair | null | undefined,
): number {
  const target = isPair(node) ? (node.key as Node | null) : node;
  const offset =
    target && "range" in target && target.range ? target.range[0] : undefined;
  return offset === undefined ? 0 : counter.linePos(offset).line;
}

const scalarText = (node: unknown): string | undefined => {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === "string" ||
    typeof v === "number" ||
    typeof v === "boolean" ||
    typeof v === "bigint"
    ? String(v)
    : undefined;
};

function pairsOf(node: unknown, what: string): Pair[] {
  if (!isMap(node)) throw new Refused(node as Node, `${what} must be a map`);
  return node.items;
}

function keyOf(pair: Pair): string {
  const key = scalarText(pair.key);
  if (key === undefined) throw new Refused(pair, "a key must be plain text");
  return key;
}

function valuesOf(node: unknown, pair: Pair): Scalar[] {
  const one = (n: unknown): Scalar => {
    if (isAlias(n))
      throw new Refused(n, "YAML aliases are not supported in rules");
    if (!isScalar(n))
      throw new Refused(
        (n as Node) ?? pair,
        "a value must be a string, a number, a boolean or null",
      );
    const v = n.value;
    if (v === null || v === undefined) return null;
    if (
      typeof v === "string" ||
      typeof v === "number" ||
      typeof v === "boolean"
    )
      return v;
    throw new Refused(
      n,
      "a value must be a string, a number, a boolean or null",
    );
  };
  if (node === null || node === undefined) return [null];
  if (isSeq(node)) return node.items.map(one);
  return [one(node)];
}

function compileMapSelection(node: Node): Selection {
  const pairs = pairsOf(node, "a selection");
  if (pairs.length === 0)
    throw new Refused(node, "an empty selection matches everything");
  const fields: Matcher[] = [];
  let names: Set<string> | undefined;
  for (const pair of pairs) {
    const key = keyOf(pair);
    let compiled;
    try {
      compiled = compileField({ key, values: valuesOf(pair.value, pair) });
    } catch (e) {
      if (e instanceof FieldError)
        throw new Refused(pair, `${key}: ${e.message}`);
      throw e;
    }
    fields.push(compiled.match);
    if (compiled.field === "eventName" && compiled.exact)
      names = new Set(compiled.exact);
  }
  const match: Matcher =
    fields.length === 1
      ? fields[0]!
      : (event) => {
          for (const f of fields) if (!f(event)) return false;
          return true;
        };
  return { match, names };
}

function compileSelection(node: unknown, name: string): Selection {
  if (isAlias(node))
    throw new Refused(node, "YAML aliases are not supported in rules");
  if (isMap(node)) return compileMapSelection(node);
  if (isSeq(node)) {
    if (node.items.length === 0)
      throw new Refused(node, `the selection \`${name}\` is an empty list`);
    if (!node.items.every((item) => isMap(item)))
      throw new Refused(
        node,
        `the selection \`${name}\` is a keyword list: matching text without a field is not supported`,
      );
    const parts = node.items.map((item) => compileMapSelection(item as Node));
    const names = parts.every((p) => p.names)
      ? new Set(parts.flatMap((p) => [...p.names!]))
      : undefined;
    const matchers = parts.map((p) => p.match);
    return {
      names,
      match: (event) => {
        for (const m of matchers) if (m(event)) return true;
        return false;
      },
    };
  }
  throw new Refused(
    node as Node,
    `the selection \`${name}\` is a keyword: matching text without a field is not supported`,
  );
}

function intersect(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  const defined = sets.filter((s): s is Set<string> => s !== undefined);
  if (defined.length === 0) return undefined;
  return new Set(
    [...defined[0]!].filter((n) => defined.every((s) => s.has(n))),
  );
}

function union(sets: (Set<string> | undefined)[]): Set<string> | undefined {
  if (sets.some((s) => s === undefined)) return undefined;
  return new Set(sets.flatMap((s) => [...s!]));
}

function build(
  cond: Condition,
  selections: Map<string, Selection>,
): { match: Matcher; names: Set<string> | undefined } {
  switch (cond.kind) {
    case "sel":
      return selections.get(cond.name)!;
    case "not": {
      const inner = build(cond.item, selections).match;
      return { match: (e) => !inner(e), names: undefined };
    }
    case "and":
    case "or":
    case "of": {
      const items =
        cond.kind === "of"
          ? cond.names.map((name) => selections.get(name)!)
          : cond.items.map((c) => build(c, selections));
      const every = cond.kind === "and" || (cond.kind === "of" && cond.all);
      const matchers = items.map((i) => i.match);
      const names = (every ? intersect : union)(items.map((i) => i.names));
      const match: Matcher = every
        ? (e) => {
            for (const m of matchers) if (!m(e)) return false;
            return true;
          }
        : (e) => {
            for (const m of matchers) if (m(e)) return true;
            return false;
          };
      return { match, names };
    }
  }
}

const stringList = (node: unknown): string[] | undefined =>
  isSeq(node)
    ? node.items.map((i) => scalarText(i)).filter((s): s is string => !!s)
    : undefined;

function readMeta(
  doc: Document.Parsed,
  strict: boolean,
  refuse: (n: unknown, r: string) => void,
): RuleMeta {
  const contents = doc.contents;
  const get = (key: string) =>
    isMap(contents) ? contents.get(key, true) : undefined;
  const text = (key: string) => scalarText(get(key));
  const title = text("title");
  if (!title) refuse(contents, "a rule needs a `title`");
  const id = text("id") ?? "";
  if (strict && !UUID.test(id))
    refuse(get("id") ?? contents, "`id` must be a UUID");
  const level = (text("level") ?? "medium").toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level))
    refuse(get("level"), `\`level\` must be one of ${LEVELS.join(", ")}`);
  const description = text("description") ?? "";
  const falsepositives = stringList(get("falsepositives")) ?? [];
  const tags = stringList(get("tags")) ?? [];
  const logsourceNode = get("logsource");
  const logsource: Record<string, string> = {};
  if (isMap(logsourceNode))
    for (const pair of logsourceNode.items) {
      const k = scalarText(pair.key);
      const v = scalarText(pair.value);
      if (k && v) logsource[k] = v;
    }
  if (logsource.product && logsource.product !== "alibaba_cloud")
    refuse(
      logsourceNode,
      `the rule is for product \`${logsource.product}\`; Trailscope evaluates ActionTrail events (product: alibaba_cloud)`,
    );
  if (strict) {
    if (!description) refuse(contents, "a pack rule needs a `description`");
    if (falsepositives.length === 0)
      refuse(
        get("falsepositives") ?? contents,
        "a pack rule needs `falsepositives`",
      );
    if (!tags.some((t) => /^attack\.t\d{4}/.test(t)))
      refuse(
        get("tags") ?? contents,
        "a pack rule needs an ATT&CK technique tag",
      );
    if (
      logsource.product !== "alibaba_cloud" ||
      logsource.service !== "actiontrail"
    )
      refuse(
        logsourceNode ?? contents,
        "a pack rule needs `logsource: {product: alibaba_cloud, service: actiontrail}`",
      );
  }
  const i18n = readI18n(get("x-trailscope-i18n"), refuse);
  return {
    id,
    title: title ?? "",
    description,
    level: level as Level,
    status: text("status") ?? "experimental",
    falsepositives,
    tags,
    logsource,
    ...(i18n ? { i18n } : {}),
  };
}

const LOCALE = /^[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?$/;
const WORD_KEYS = ["title", "description", "falsepositives"];

/**
 * `x-trailscope-i18n: { zh-CN: { title, description, falsepositives } }`:
 * a map of locales, each with a text `title`, an optional text
 * `description` and an optional list of texts `falsepositives`.
 */
function readI18n(
  node: unknown,
  refuse: (n: unknown, r: string) => void,
): Record<string, RuleWords> | undefined {
  if (node === undefined || node === null) return undefined;
  const name = "`x-trailscope-i18n`";
  if (!isMap(node)) {
    refuse(node, `${name} must be a map of locales (zh-CN: …)`);
    return undefined;
  }
  const out: Record<string, RuleWords> = Object.create(null) as Record<
    string,
    RuleWords
  >;
  for (const pair of node.items) {
    const locale = scalarText(pair.key);
    if (!locale || !LOCALE.test(locale)) {
      refuse(
        pair,
        `${name}: \`${locale ?? ""}\` is not a locale such as zh-CN`,
      );
      continue;
    }
    const words = pair.value;
    if (!isMap(words)) {
      refuse(pair, `${name}.${locale} must be a map with \`title\``);
      continue;
    }
    for (const p of words.items) {
      const key = scalarText(p.key) ?? "";
      if (!WORD_KEYS.includes(key))
        refuse(
          p,
          `${name}.${locale}: \`${key}\` is not one of ${WORD_KEYS.join(", ")}`,
        );
    }
    const title = scalarText(words.get("title", true));
    if (!title) refuse(pair, `${name}.${locale} needs a text \`title\``);
    const descNode = words.get("description", true);
    const description = scalarText(descNode);
    if (descNode !== undefined && description === undefined)
      refuse(descNode, `${name}.${locale}.description must be text`);
    const fpNode = words.get("falsepositives", true);
    const fp = isSeq(fpNode) ? fpNode.items.map((i) => scalarText(i)) : [];
    if (
      fpNode !== undefined &&
      (!isSeq(fpNode) || fp.some((f) => f === undefined))
    )
      refuse(
        fpNode,
        `${name}.${locale}.falsepositives must be a list of texts`,
      );
    out[locale] = {
      title: title ?? "",
      description: description ?? "",
      falsepositives: fp.filter((f): f is string => f !== undefined),
    };
  }
  return Object.keys(out).length ? { ...out } : undefined;
}

function readTests(doc: Document.Parsed): RuleTests {
  const node = isMap(doc.contents)
    ? doc.contents.get("x-trailscope-tests", true)
    : undefined;
  if (!isMap(node)) return { match: [], nomatch: [] };
  const list = (key: string): unknown[] => {
    const seq = node.get(key, true);
    return isSeq(seq) ? (seq.toJS(doc) as unknown[]) : [];
  };
  return { match: list("match"), nomatch: list("nomatch") };
}

function compileDocument(
  doc: Document.Parsed,
  source: string,
  counter: LineCounter,
  options: CompileOptions,
): CompileResult {
  const refusals: Refusal[] = [];
  const title = isMap(doc.contents)
    ? scalarText(doc.contents.get("title", true))
    : undefined;
  const refused = (): CompileResult =>
    title ? { ok: false, refusals, title } : { ok: false, refusals };
  const refuse = (node: unknown, reason: string) =>
    refusals.push({ line: lineOf(counter, node as Node), reason });
  for (const error of doc.errors)
    refusals.push({
      line: error.linePos?.[0].line ?? 0,
      reason: error.message.split("\n")[0]!,
    });
  if (refusals.length) return refused();
  const contents = doc.contents;
  if (!isMap(contents)) {
    refuse(contents, "a rule must be a YAML map");
    return refused();
  }
  const strict = options.strict ?? false;
  const meta = readMeta(doc, strict, refuse);
  for (const key of ["correlation", "timeframe"])
    if (contents.has(key))
      refuse(
        contents.get(key, true),
        `\`${key}\` (correlation over time) is not supported`,
      );
  let compiled: { match: Matcher; names: Set<string> | undefined } | undefined;
  const detection = contents.get("detection", true);
  try {
    if (!detection) throw new Refused(contents, "a rule needs a `detection`");
    const selections = new Map<string, Selection>();
    let conditionPair: Pair | undefined;
    for (const pair of pairsOf(detection, "`detection`")) {
      const key = keyOf(pair);
      if (key === "condition") conditionPair = pair;
      else if (key === "timeframe")
        throw new Refused(
          pair,
          "`timeframe` (correlation over time) is not supported",
        );
      else
        try {
          selections.set(key, compileSelection(pair.value, key));
        } catch (e) {
          if (!(e instanceof Refused)) throw e;
          refuse(e.node, e.message);
          selections.set(key, { match: () => false, names: undefined });
        }
    }
    if (!conditionPair)
      throw new Refused(detection, "`detection` needs a `condition`");
    if (isSeq(conditionPair.value))
      throw new Refused(
        conditionPair,
        "a list of conditions is not supported: join them with `or`",
      );
    const conditionText = scalarText(conditionPair.value);
    if (!conditionText)
      throw new Refused(conditionPair, "`condition` must be text");
    let condition: Condition;
    try {
      condition = parseCondition(conditionText, [...selections.keys()]);
    } catch (e) {
      if (e instanceof ConditionError)
        throw new Refused(conditionPair, `condition: ${e.message}`);
      throw e;
    }
    compiled = build(condition, selections);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    refuse(e.node, e.message);
  }
  const tests = readTests(doc);
  if (strict && (tests.match.length === 0 || tests.nomatch.length === 0))
    refuse(
      contents,
      "a pack rule needs `x-trailscope-tests` with `match` and `nomatch` events",
    );
  if (refusals.length || !compiled) return refused();
  return {
    ok: true,
    rule: {
      line: counter.linePos(doc.range[0]).line,
      meta,
      source,
      tests,
      eventNames: compiled.names,
      match: compiled.match,
    },
  };
}

/** One result per YAML document in the text (`---` separates rules). */
export function compileRules(
  text: string,
  options: CompileOptions = {},
): CompileResult[] {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter: counter,
    uniqueKeys: true,
    prettyErrors: true,
  });
  if (!Array.isArray(docs))
    return [
      { ok: false, refusals: [{ line: 0, reason: "the text holds no rule" }] },
    ];
  return docs
    .filter((doc) => doc.contents !== null || doc.errors.length > 0)
    .map((doc) => {
      const [start, , end] = doc.range;
      return compileDocument(
        doc,
        text.slice(start, end).trim() + "\n",
        counter,
        options,
      );
    });
}

/** Compiles text holding exactly one rule. */
export function compileRule(
  text: string,
  options: CompileOptions = {},
): CompileResult {
  const results = compileRules(text, options);
  if (results.length === 1) return results[0]!;
  return {
    ok: false,
    refusals: [
      {
        line: 0,
        reason:
          results.length === 0
            ? "the text holds no rule"
            : "the text holds several rules",
      },
    ],
  };
}
