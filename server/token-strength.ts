/**
 * Whether a GATEWAY_TOKEN is strong enough to guard an AccessKey: at least
 * 128 bits by a conservative estimate (length × log2 of the character classes
 * it uses), no whitespace or control characters, and no repeats (one
 * character or a short pattern over and over).
 */
export const MIN_TOKEN_BITS = 128;

export const TOKEN_HOW_TO =
  "Generate one with: node -e \"console.log(require('crypto').randomBytes(24).toString('base64url'))\"";

const CLASSES: [RegExp, number][] = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[^a-zA-Z0-9]/, 32],
];

/** The estimated strength in bits: length × log2(size of the classes used). */
export function tokenBits(token: string): number {
  const pool = CLASSES.reduce(
    (sum, [pattern, size]) => (pattern.test(token) ? sum + size : sum),
    0,
  );
  return pool === 0 ? 0 : [...token].length * Math.log2(pool);
}

/** Why this token is refused, or undefined when it is good enough. */
export function tokenWeakness(token: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(token))
    return "it contains whitespace or control characters";
  const chars = [...token];
  const distinct = new Set(chars).size;
  if (distinct < Math.min(12, chars.length / 2))
    return `it repeats characters (only ${distinct} different ones)`;
  if (/^(.{1,16}?)\1+$/su.test(token))
    return "it is one short pattern repeated";
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (Math.max(...counts.values()) > chars.length / 4)
    return "one character makes up more than a quarter of it";
  const bits = tokenBits(token);
  if (bits < MIN_TOKEN_BITS)
    return `it carries about ${Math.floor(bits)} bits; at least ${MIN_TOKEN_BITS} are needed (22+ random base64url characters)`;
  return undefined;
}
