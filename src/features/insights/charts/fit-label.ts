/** How wide a character draws, in units of a Latin letter: CJK and other wide scripts count two. */
function charUnits(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x1100 &&
    (code <= 0x115f ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x1f300)
    ? 2
    : 1;
}

/**
 * A chart label cut to fit `maxUnits` Latin-letter widths, ending in "…" when
 * cut (the full text goes in the label's tooltip). Cuts between code points,
 * never inside a surrogate pair.
 */
export function fitLabel(text: string, maxUnits: number): string {
  const chars = Array.from(text);
  let total = 0;
  for (const ch of chars) total += charUnits(ch);
  if (total <= maxUnits) return text;
  let used = 1; // the ellipsis
  let out = "";
  for (const ch of chars) {
    const w = charUnits(ch);
    if (used + w > maxUnits) break;
    used += w;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
