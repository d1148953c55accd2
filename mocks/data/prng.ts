/**
 * Seeded randomness for Trailscope's simulated account. Everything the mock
 * invents (events, IDs, addresses) comes from these functions, so the same
 * seed and `now` always give the same account.
 */

/** A 32-bit integer hash with good avalanche (Chris Wellons' lowbias32). Invertible: see `unmix32`. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The inverse of `mix32`. */
export function unmix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x43021123);
  x ^= (x >>> 15) ^ (x >>> 30);
  x = Math.imul(x, 0x1d69e2a5);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Derives an independent 32-bit value from a seed and a salt. */
export function derive(seed: number, salt: number): number {
  return mix32((seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0);
}

/** FNV-1a over a string, then mixed: stable 32-bit hash of text. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator with the helpers the factories need. */
export class Rng {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextFloat();
  }

  /** An unsigned 32-bit integer. */
  uint32(): number {
    return Math.floor(this.nextFloat() * 4294967296) >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.nextFloat() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.nextFloat() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Lowercase letters and digits, as in Alibaba Cloud resource IDs. */
  alnum(length: number): string {
    return alnumFrom(this, length);
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += HEX[this.int(16)];
    return out;
  }

  /** An uppercase UUID, like ActionTrail's eventId and requestId. */
  uuid(): string {
    return uuidFrom(this.uint32(), this.uint32(), this.uint32(), this.uint32());
  }
}

const HEX = "0123456789abcdef";
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function alnumFrom(rng: Rng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALNUM[rng.int(ALNUM.length)];
  return out;
}

export function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}

/** Formats four 32-bit words as an uppercase version-5-looking UUID. */
export function uuidFrom(a: number, b: number, c: number, d: number): string {
  const h = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${"89ab"[parseInt(h[16] ?? "0", 16) & 3]}${h.slice(
    17,
    20,
  )}-${h.slice(20, 32)}`.toUpperCase();
}

/** Builds a cumulative-weight table for fast weighted picks. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Picks an index from a cumulative table with a float in [0, 1). */
export function pickCumulative(table: Float64Array, u: number): number {
  const total = table[table.length - 1] ?? 0;
  const target = u * total;
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((table[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
