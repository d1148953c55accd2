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

/**
 * A chart label cut to fit `maxPx` pixels as `measure` draws it, ending in
 * "…" when cut (the longest prefix that fits, found by halving).
 */
export function fitLabelToWidth(
  text: string,
  maxPx: number,
  measure: (s: string) => number,
): string {
  if (measure(text) <= maxPx) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join("").trimEnd()}…`) <= maxPx)
      lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join("").trimEnd()}…`;
}

let context: CanvasRenderingContext2D | null | undefined;

/**
 * How wide `text` draws at `fontSize` pixels in the page's font, or undefined
 * where there is no canvas to measure with (jsdom).
 */
export function textWidth(text: string, fontSize: number): number | undefined {
  if (context === undefined) {
    context =
      typeof document === "undefined" || /jsdom/i.test(navigator.userAgent)
        ? null
        : document.createElement("canvas").getContext("2d");
  }
  if (!context) return undefined;
  const family = getComputedStyle(document.documentElement).fontFamily;
  context.font = `${fontSize}px ${family}`;
  return context.measureText(text).width;
}
