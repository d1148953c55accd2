import type { ArchiveFileRecord } from "./archive-store";
import { accountOfEvents } from "./events-file";
import { readArchiveFile } from "./read-archive-file";
import { toSegment, type Segment } from "./segment";

/**
 * One file of an archive made ready to store: its record for the evidence
 * manifest and, when it loaded, its compact segment, plus what the
 * archive's summary needs (accounts, region, day). It holds no event
 * objects, so it crosses from a decode worker as typed arrays (transferred)
 * and a few dictionaries of strings.
 */
export interface DecodedFile {
  file: ArchiveFileRecord;
  segment?: Segment;
  /** Accounts the file names (its events' and its delivery key's). */
  accountIds: string[];
}

/** Decodes one file; runs where it is called or in a decode worker. */
export type DecodeFile = (
  archiveId: string,
  path: string,
  bytes: Uint8Array,
) => Promise<DecodedFile>;

/** Hash, gunzip, parse, validate and compact one file (never throws for its content). */
export const decodeArchiveFile: DecodeFile = async (archiveId, path, bytes) => {
  const read = await readArchiveFile(path, bytes);
  const loaded = !read.refused && read.events.length > 0;
  const accountIds = new Set<string>();
  if (loaded) {
    const { accountId } = accountOfEvents(read.events);
    if (accountId) accountIds.add(accountId);
    if (read.delivery?.accountId) accountIds.add(read.delivery.accountId);
  }
  return {
    file: {
      archiveId,
      path: read.path,
      bytes: read.bytes,
      sha256: read.sha256,
      events: loaded ? read.events.length : 0,
      rejectedCount: read.rejectedCount,
      ...(read.region ? { region: read.region } : {}),
      ...(read.day ? { day: read.day } : {}),
      ...(read.refused ? { refused: read.refused } : {}),
    },
    ...(loaded
      ? {
          segment: toSegment(
            `${archiveId}/${read.path}`,
            archiveId,
            read.region ?? read.events[0]!.region,
            read.events,
            bytes,
          ),
        }
      : {}),
    accountIds: [...accountIds],
  };
};

/** The buffers of a decoded file, to transfer rather than copy. */
export function transferablesOf(decoded: DecodedFile): ArrayBuffer[] {
  const segment = decoded.segment;
  if (!segment) return [];
  const buffers = new Set<ArrayBuffer>([
    segment.columns.times.buffer as ArrayBuffer,
    segment.payload.buffer as ArrayBuffer,
  ]);
  for (const column of Object.values(segment.columns))
    if ("codes" in column) buffers.add(column.codes.buffer as ArrayBuffer);
  return [...buffers];
}

/** Bytes as a buffer of their own, so it can be transferred whole. */
export const ownBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.byteOffset === 0 &&
  bytes.byteLength === bytes.buffer.byteLength &&
  bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice();

/** What a decode worker is sent and answers. */
export interface DecodeRequest {
  seq: number;
  archiveId: string;
  path: string;
  bytes: Uint8Array;
}
export type DecodeReply =
  { seq: number; decoded: DecodedFile } | { seq: number; error: string };

/** A worker as the pool sees it (a Web Worker or a Node worker thread, adapted). */
export interface DecodeWorker {
  post(request: DecodeRequest, transfer: ArrayBuffer[]): void;
  onReply(listener: (reply: DecodeReply) => void): void;
  /** The worker failed (its code did not load, or it crashed). */
  onFailure(listener: (message: string) => void): void;
  terminate(): void;
}

/** Answers one decode request (the body of a decode worker). */
export async function answerDecode(
  request: DecodeRequest,
): Promise<{ reply: DecodeReply; transfer: ArrayBuffer[] }> {
  try {
    const decoded = await decodeArchiveFile(
      request.archiveId,
      request.path,
      request.bytes,
    );
    return {
      reply: { seq: request.seq, decoded },
      transfer: transferablesOf(decoded),
    };
  } catch (error) {
    return {
      reply: { seq: request.seq, error: (error as Error).message },
      transfer: [],
    };
  }
}

/**
 * Decodes files on a few workers at once (one per core): each file goes to
 * the worker with the fewest files waiting, its bytes transferred, and comes
 * back as typed arrays, transferred too. `close()` ends the workers.
 */
export function decodePool(workers: readonly DecodeWorker[]): {
  decode: DecodeFile;
  close: () => void;
} {
  let seq = 0;
  const waiting = new Map<
    number,
    {
      worker: number;
      resolve: (d: DecodedFile) => void;
      reject: (e: Error) => void;
    }
  >();
  const load = workers.map(() => 0);
  workers.forEach((worker, index) => {
    worker.onReply((reply) => {
      const job = waiting.get(reply.seq);
      if (!job) return;
      waiting.delete(reply.seq);
      load[index]! -= 1;
      if ("error" in reply) job.reject(new Error(reply.error));
      else job.resolve(reply.decoded);
    });
    // A failed worker takes no more files (they decode on the others, or
    // here when none is left); the files it held are reported unread.
    worker.onFailure((message) => {
      load[index] = Number.POSITIVE_INFINITY;
      for (const [id, job] of waiting)
        if (job.worker === index) {
          waiting.delete(id);
          job.reject(new Error(`the decode worker failed (${message})`));
        }
    });
  });
  return {
    decode: (archiveId, path, bytes) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        const least = Math.min(...load);
        if (least === Number.POSITIVE_INFINITY) {
          decodeArchiveFile(archiveId, path, bytes).then(resolve, reject);
          return;
        }
        const at = load.indexOf(least);
        load[at]! += 1;
        waiting.set(id, { worker: at, resolve, reject });
        const own = ownBuffer(bytes);
        workers[at]!.post({ seq: id, archiveId, path, bytes: own }, [
          own.buffer,
        ]);
      }),
    close: () => {
      for (const worker of workers) worker.terminate();
      for (const job of waiting.values())
        job.reject(new Error("The import was stopped."));
      waiting.clear();
    },
  };
}
