/**
 * Reads a file of ActionTrail events: a JSON array, JSON Lines, a
 * LookupEvents response, or gzip of any (as trails deliver them to OSS).
 * Every event is validated with Trailscope's event schema; what is refused
 * is counted and explained, never silently dropped. A file too large once
 * decompressed (a gzip bomb), or nested too deep, is refused whole before it
 * is parsed. The simulated account's own-data import and the archive import
 * both read files through here.
 */
import { Gunzip } from "fflate";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import { OWN_DATA_LIMITS } from "@/lib/demo-controls";

export interface RejectedEvent {
  /** 1-based line (JSON Lines) or array position (JSON array). */
  position: number;
  reason: string;
}

export interface OwnDataParseResult {
  events: AuditEvent[];
  format: "json-array" | "json-lines" | "lookup-response";
  gzip: boolean;
  /** Events and lines seen (blank lines excluded). */
  total: number;
  rejectedCount: number;
  /** The first rejections with their reasons (at most `MAX_REPORTED`). */
  rejected: RejectedEvent[];
}

export const MAX_REPORTED = 100;

async function toBytes(
  input: Blob | ArrayBuffer | Uint8Array,
): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof input.arrayBuffer === "function")
    return new Uint8Array(await input.arrayBuffer());
  return new Uint8Array(await new Response(input).arrayBuffer());
}

export const isGzip = (bytes: Uint8Array): boolean =>
  bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The caps on a file (figures and reasons in src/lib/demo-controls.ts, where Settings reads them too). */
export const MAX_TEXT_BYTES = OWN_DATA_LIMITS.maxTextBytes;
export const MAX_NESTING_DEPTH = OWN_DATA_LIMITS.maxDepth;

/** Why a whole file is refused (for screens that word it themselves). */
export type RefusalKind = "not-gzip" | "too-large" | "too-deep";

/** A file Trailscope will not read, with the reason in words a visitor can act on. */
export class FileRefusal extends Error {
  override name = "FileRefused";
  constructor(
    message: string,
    readonly kind: RefusalKind,
    /** The limit that was passed (bytes or levels), where one was. */
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** The simulated account's name for a refused file. */
export const OwnDataRefusal = FileRefusal;

const mib = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 1024)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/** Compressed input is fed in slices this big, so one push inflates at most ~16 MB (deflate's ratio tops out near 1:1032). */
const INPUT_SLICE = 16 * 1024;

/**
 * Gunzips (single or multi-member gzip) with fflate's streaming inflater and
 * stops as soon as the output passes `maxBytes`, long before a bomb has
 * expanded. Yields to the event loop between slices so the page stays responsive.
 */
export async function gunzip(
  bytes: Uint8Array,
  maxBytes: number = MAX_TEXT_BYTES,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Gunzip((chunk) => {
    if (over) return;
    size += chunk.length;
    if (size > maxBytes) over = true;
    else chunks.push(chunk);
  });
  // Output bytes when the last member began: its length must match the
  // trailer's ISIZE, or the file was cut short (fflate does not say so).
  let memberStart = 0;
  inflater.onmember = () => {
    memberStart = size;
  };
  let sinceYield = 0;
  for (let at = 0; at < bytes.length && !over; at += INPUT_SLICE) {
    const end = Math.min(at + INPUT_SLICE, bytes.length);
    try {
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    } catch (error) {
      throw new FileRefusal(
        `The file is not a valid gzip file (${(error as Error).message}).`,
        "not-gzip",
      );
    }
    sinceYield += end - at;
    if (sinceYield >= 1024 * 1024) {
      sinceYield = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  if (over) {
    throw new FileRefusal(
      `The file expands to more than ${mib(maxBytes)} when decompressed, more than Trailscope reads in a browser tab. Split it into smaller files.`,
      "too-large",
      maxBytes,
    );
  }
  const trailerSize =
    bytes.length >= 18
      ? new DataView(
          bytes.buffer,
          bytes.byteOffset + bytes.length - 4,
          4,
        ).getUint32(0, true)
      : -1;
  if ((size - memberStart) >>> 0 !== trailerSize) {
    throw new FileRefusal(
      "The file is not a complete gzip file: it is cut short or damaged.",
      "not-gzip",
    );
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * The deepest nesting of `[`/`{` in JSON text (strings skipped), stopping at
 * `limit + 1`. A raw line break ends a string, as JSON strings cannot hold one,
 * so a broken line of JSON Lines cannot hide the lines after it.
 */
export function nestingDepth(
  text: string,
  limit: number = MAX_NESTING_DEPTH,
): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE || c === NEWLINE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && depth > 0) depth--;
  }
  return deepest;
}

function describeIssue(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  if (!issue) return "not an ActionTrail event";
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Parses the text of an events file (already decompressed). */
export function parseEventsText(
  text: string,
): Omit<OwnDataParseResult, "gzip"> {
  const body = text.replace(/^\uFEFF/, "").trim();
  const events: AuditEvent[] = [];
  const rejected: RejectedEvent[] = [];
  let rejectedCount = 0;
  const reject = (position: number, reason: string) => {
    rejectedCount++;
    if (rejected.length < MAX_REPORTED) rejected.push({ position, reason });
  };
  const accept = (item: unknown, position: number) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      reject(position, "not a JSON object");
      return;
    }
    const result = auditEventSchema.safeParse(item);
    if (!result.success) {
      reject(position, describeIssue(result.error));
      return;
    }
    if (!Number.isFinite(result.data.timeMs)) {
      reject(
        position,
        `eventTime: not a valid time (${result.data.time.slice(0, 40)})`,
      );
      return;
    }
    events.push(result.data);
  };

  if (
    body.startsWith("[") ||
    body.startsWith('{"Events"') ||
    /^\{\s*"(RequestId|Events)"/.test(body)
  ) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (error) {
      parsed = undefined;
      if (body.startsWith("[")) {
        reject(1, `the file is not valid JSON: ${(error as Error).message}`);
        return {
          events,
          format: "json-array",
          total: 1,
          rejectedCount,
          rejected,
        };
      }
    }
    if (Array.isArray(parsed)) {
      parsed.forEach((item, i) => accept(item, i + 1));
      return {
        events,
        format: "json-array",
        total: parsed.length,
        rejectedCount,
        rejected,
      };
    }
    const list = (parsed as { Events?: unknown } | undefined)?.Events;
    if (Array.isArray(list)) {
      list.forEach((item, i) => accept(item, i + 1));
      return {
        events,
        format: "lookup-response",
        total: list.length,
        rejectedCount,
        rejected,
      };
    }
  }

  let total = 0;
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    total++;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      reject(i + 1, `not valid JSON: ${(error as Error).message}`);
      return;
    }
    accept(item, i + 1);
  });
  return { events, format: "json-lines", total, rejectedCount, rejected };
}

export interface OwnDataLimits {
  /** Bytes of text, after decompression (default `MAX_TEXT_BYTES`). */
  maxTextBytes: number;
  /** Levels of nesting (default `MAX_NESTING_DEPTH`). */
  maxDepth: number;
}

/**
 * Reads a file of events: JSON array, JSON Lines, or gzip of either. A file
 * too large once decompressed, or nested too deep, is refused whole with an
 * `OwnDataRefusal` before it is parsed.
 */
export async function parseOwnEvents(
  input: Blob | ArrayBuffer | Uint8Array,
  limits: Partial<OwnDataLimits> = {},
): Promise<OwnDataParseResult> {
  const maxTextBytes = limits.maxTextBytes ?? MAX_TEXT_BYTES;
  const maxDepth = limits.maxDepth ?? MAX_NESTING_DEPTH;
  // Compressed or not, a file bigger than the cap cannot fit under it: refused unread.
  if (input instanceof Blob && input.size > maxTextBytes)
    throw tooLarge(maxTextBytes);
  let bytes = await toBytes(input);
  const gzip = isGzip(bytes);
  if (gzip) bytes = await gunzip(bytes, maxTextBytes);
  else if (bytes.length > maxTextBytes) throw tooLarge(maxTextBytes);
  const text = new TextDecoder("utf-8").decode(bytes);
  if (nestingDepth(text, maxDepth) > maxDepth) {
    throw new FileRefusal(
      `The file nests arrays or objects more than ${maxDepth} levels deep. ActionTrail events nest a few levels; Trailscope refuses deeper files, which would break every search.`,
      "too-deep",
      maxDepth,
    );
  }
  return { ...parseEventsText(text), gzip };
}

const tooLarge = (maxBytes: number) =>
  new FileRefusal(
    `The file holds more than ${mib(maxBytes)} of text, more than Trailscope reads in a browser tab. Split it into smaller files.`,
    "too-large",
    maxBytes,
  );

/**
 * The account a file's events belong to: the most frequent `recipientAccountId`
 * (the account whose trail recorded the event), else `userIdentity.accountId`,
 * and how many other accounts appear (an organisation trail holds several).
 */
export function accountOfEvents(events: readonly AuditEvent[]): {
  accountId: string | undefined;
  otherAccounts: number;
} {
  const counts = new Map<string, number>();
  for (const event of events) {
    const recipient = event.raw.recipientAccountId;
    const id =
      typeof recipient === "string" || typeof recipient === "number"
        ? String(recipient)
        : event.accountId;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let accountId: string | undefined;
  let most = 0;
  for (const [id, count] of counts) {
    if (count > most) {
      most = count;
      accountId = id;
    }
  }
  return { accountId, otherAccounts: Math.max(0, counts.size - 1) };
}
