/**
 * Reads a visitor's own ActionTrail events for the simulated account: a JSON
 * array, JSON Lines, or gzip of either (as OSS delivers them). Every event is
 * validated with Trailscope's event schema; what is refused is counted and
 * explained, never silently dropped.
 */
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";

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

/** Gunzips with the platform's DecompressionStream (browsers, Node 20). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source
    .pipeThrough(
      new DecompressionStream("gzip") as unknown as ReadableWritablePair<
        Uint8Array,
        Uint8Array
      >,
    )
    .getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
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

/** Reads a file of events: JSON array, JSON Lines, or gzip of either. */
export async function parseOwnEvents(
  input: Blob | ArrayBuffer | Uint8Array,
): Promise<OwnDataParseResult> {
  let bytes = await toBytes(input);
  const gzip = isGzip(bytes);
  if (gzip) bytes = await gunzip(bytes);
  const text = new TextDecoder("utf-8").decode(bytes);
  return { ...parseEventsText(text), gzip };
}
