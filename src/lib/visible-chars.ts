/**
 * Event text is hostile: it may hide characters that change how it reads
 * (bidi overrides, zero-width joiners, control characters). These helpers
 * split a string into plain runs and marked invisible characters so the UI
 * can show each one visibly, while copies keep the original bytes.
 *
 * No translations and no browser APIs here: the gateway marks the text of
 * its notifications with the same rule (server/alerts/destinations.ts), so a
 * hidden character reads the same (⟦RLO⟧) in the console and in a message.
 */
export type TextPart =
  | { kind: "text"; text: string }
  | { kind: "special"; text: string; label: string };

const NAMES: Record<number, string> = {
  0x00: "NUL",
  0x09: "TAB",
  0x0a: "LF",
  0x0d: "CR",
  0x1b: "ESC",
  0x7f: "DEL",
  0x200b: "ZWSP",
  0x200c: "ZWNJ",
  0x200d: "ZWJ",
  0x200e: "LRM",
  0x200f: "RLM",
  0x2028: "LS",
  0x2029: "PS",
  0x202a: "LRE",
  0x202b: "RLE",
  0x202c: "PDF",
  0x202d: "LRO",
  0x202e: "RLO",
  0x2060: "WJ",
  0x2066: "LRI",
  0x2067: "RLI",
  0x2068: "FSI",
  0x2069: "PDI",
  0xfeff: "BOM",
  0x061c: "ALM",
  0x00ad: "SHY",
};

// Control characters, bidi controls, zero-width characters, lone surrogates: matching them is the point.
const SPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this does
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function hasSpecialChars(value: string): boolean {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(value);
}

function labelOf(char: string): string {
  const code = char.charCodeAt(0);
  const name = NAMES[code];
  if (name) return name;
  if (code >= 0xd800 && code <= 0xdfff)
    return `lone surrogate U+${code.toString(16).toUpperCase()}`;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Splits text into plain runs and special characters (at most `limit` characters are examined). */
export function splitVisible(value: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  SPECIAL.lastIndex = 0;
  for (let match = SPECIAL.exec(value); match; match = SPECIAL.exec(value)) {
    if (match.index > last)
      parts.push({ kind: "text", text: value.slice(last, match.index) });
    parts.push({ kind: "special", text: match[0], label: labelOf(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < value.length)
    parts.push({ kind: "text", text: value.slice(last) });
  return parts;
}

/** Every invisible character written out as ⟦LABEL⟧ (the form the console shows in plain strings). */
export function markInvisible(value: string): string {
  return splitVisible(value)
    .map((part) => (part.kind === "text" ? part.text : `⟦${part.label}⟧`))
    .join("");
}
