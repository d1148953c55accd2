import type { AuditEvent } from "@/api/schemas/event";
import { forEachRefineValue } from "./refine-match";

/**
 * A small index that lets a refine skip whole blocks of loaded events that
 * cannot contain its text.
 *
 * The loaded events are cut into blocks of `REFINE_BLOCK` in the order the
 * table holds them. For each block, a bitset records (hashed) every
 * three-character sequence of every value the refine looks at (see
 * refine-match.ts), case-folded exactly as the refine's case-insensitive
 * expression folds them. A text whose own sequences are not all set in a
 * block's bitset cannot be found in that block, so its events need not be
 * looked at. A set bit may be a collision, so a block that passes is still
 * searched event by event: the index only ever skips, it never finds.
 *
 * Blocks are built a few milliseconds at a time while the reader pauses, and
 * kept for as long as the same events stand at the same places (a Load all
 * that appends older events keeps the blocks before them). A block not built
 * yet is searched as before. Memory: `BLOCK_BYTES` for every block, about
 * 3 MB for 100,000 events.
 */
export const REFINE_BLOCK = 64;
const BITS_LOG2 = 14;
const WORDS = (1 << BITS_LOG2) >>> 5;
/** The index's size per block of events (bytes). */
export const BLOCK_BYTES = WORDS * 4;

/**
 * What a code unit matches under a case-insensitive, non-Unicode regular
 * expression (ECMAScript's Canonicalize): its upper case when that is one
 * code unit, except that nothing outside ASCII folds into ASCII.
 */
const folded = new Uint16Array(65536);
const foldedKnown = new Uint8Array(65536);
function fold(unit: number): number {
  if (unit < 128) return unit >= 97 && unit <= 122 ? unit - 32 : unit;
  if (foldedKnown[unit]) return folded[unit]!;
  const upper = String.fromCharCode(unit).toUpperCase();
  const value =
    upper.length !== 1 || upper.charCodeAt(0) < 128
      ? unit
      : upper.charCodeAt(0);
  folded[unit] = value;
  foldedKnown[unit] = 1;
  return value;
}

const gram = (a: number, b: number, c: number): number =>
  Math.imul(
    a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x7feb352d),
    0x846ca68b,
  ) >>>
  (32 - BITS_LOG2);

function addText(bits: Uint32Array, text: string) {
  if (text.length < 3) return;
  let a = fold(text.charCodeAt(0));
  let b = fold(text.charCodeAt(1));
  for (let i = 2; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    const h = gram(a, b, c);
    bits[h >>> 5]! |= 1 << (h & 31);
    a = b;
    b = c;
  }
}

/** The hashed three-character sequences of a refine's text; empty when it is shorter than three. */
export function refineGrams(needle: string): Int32Array {
  const out = new Set<number>();
  for (let i = 2; i < needle.length; i++)
    out.add(
      gram(
        fold(needle.charCodeAt(i - 2)),
        fold(needle.charCodeAt(i - 1)),
        fold(needle.charCodeAt(i)),
      ),
    );
  return Int32Array.from(out);
}

/** The bitset of the events `events[from, to)`. */
export function blockBits(
  events: readonly AuditEvent[],
  from: number,
  to: number,
): Uint32Array {
  const bits = new Uint32Array(WORDS);
  // Events of a read share their strings (one table per read): a value
  // seen earlier in the block adds nothing new.
  const seen = new Set<string>();
  const add = (text: string) => {
    if (text.length < 3 || seen.has(text)) return;
    seen.add(text);
    addText(bits, text);
  };
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    forEachRefineValue(event.raw, add);
    add(event.region);
  }
  return bits;
}

export interface RefineIndex {
  /** Takes on `events`, keeping the blocks whose events are the same at the same places. */
  sync(events: readonly AuditEvent[]): void;
  /** Builds blocks until `stop()` says so (asked after each block); true when every block is built. */
  build(stop: () => boolean): boolean;
  /** False when block `block` cannot hold text with these `grams`. */
  mayHold(block: number, grams: Int32Array): boolean;
  /** Bytes held by the built blocks. */
  bytes(): number;
}

export function createRefineIndex(): RefineIndex {
  let events: readonly AuditEvent[] = [];
  let blocks: (Uint32Array | undefined)[] = [];
  let built = 0;

  const blockEnd = (list: readonly AuditEvent[], block: number) =>
    Math.min(list.length, (block + 1) * REFINE_BLOCK);

  return {
    sync(next) {
      if (next === events) return;
      const count = Math.ceil(next.length / REFINE_BLOCK);
      const kept: (Uint32Array | undefined)[] = new Array<
        Uint32Array | undefined
      >(count);
      built = 0;
      for (let b = 0; b < count; b++) {
        const bits = blocks[b];
        if (!bits) continue;
        const from = b * REFINE_BLOCK;
        const to = blockEnd(next, b);
        if (to !== blockEnd(events, b)) continue;
        let same = true;
        for (let i = from; i < to && same; i++) same = next[i] === events[i];
        if (same) {
          kept[b] = bits;
          built++;
        }
      }
      events = next;
      blocks = kept;
    },
    build(stop) {
      for (let b = 0; b < blocks.length; b++) {
        if (blocks[b]) continue;
        blocks[b] = blockBits(events, b * REFINE_BLOCK, blockEnd(events, b));
        built++;
        if (built < blocks.length && stop()) return false;
      }
      return true;
    },
    mayHold(block, grams) {
      const bits = blocks[block];
      if (!bits) return true;
      for (let i = 0; i < grams.length; i++) {
        const h = grams[i]!;
        if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
      }
      return true;
    },
    bytes: () => built * BLOCK_BYTES,
  };
}
