/**
 * One shared copy of each repeated string. `JSON.parse` gives every event its
 * own copy of `"ecs.aliyuncs.com"`, `"cn-hangzhou"` or the account ID; a read
 * of 100,000 events holds millions of such duplicates. A string table keeps
 * the first copy of each value and hands it out again, so the duplicates
 * become garbage as soon as their page is stored.
 *
 * Strings are values: interning changes no text, only which copy is kept.
 */
export interface StringTable {
  /** The table's copy of `text` (added on first sight). */
  intern(text: string): string;
  /** Strings held. */
  readonly size: number;
  /** Forgets every string (the copies already handed out stay valid). */
  clear(): void;
}

/** Longer strings are kept as they are (rarely repeated, costly to hash). */
const MAX_INTERNED_LENGTH = 512;

/**
 * A table holds at most `limit` strings. Unique values (event and request
 * IDs, times) fill it as fast as shared ones, so when it is full it starts
 * again: a value seen often is back in it at once (at the cost of one more
 * copy), and the table never grows past a few megabytes.
 */
export function createStringTable(limit = 50_000): StringTable {
  const strings = new Map<string, string>();
  return {
    intern(text) {
      if (text.length > MAX_INTERNED_LENGTH) return text;
      const known = strings.get(text);
      if (known !== undefined) return known;
      if (strings.size >= limit) strings.clear();
      strings.set(text, text);
      return text;
    },
    get size() {
      return strings.size;
    },
    clear() {
      strings.clear();
    },
  };
}

/** Below this depth a tree's strings are left as they are (hostile nesting). */
const MAX_DEPTH = 64;

/**
 * Replaces, in place, every string value inside a JSON tree (objects and
 * arrays, as `JSON.parse` builds them) with the table's copy. Keys are left
 * alone (the engine already shares property names), and so is every key's
 * meaning: `__proto__` and `constructor` are own data properties here and are
 * only ever assigned as such.
 */
export function internJson(value: unknown, table: StringTable): void {
  walk(value, table, 0);
}

function walk(value: unknown, table: StringTable, depth: number): void {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "string") value[i] = table.intern(item);
      else walk(item, table, depth + 1);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === "string") {
      // An own data property (JSON.parse makes only those): assignment
      // writes that property, even for "__proto__".
      record[key] = table.intern(item);
    } else walk(item, table, depth + 1);
  }
}
