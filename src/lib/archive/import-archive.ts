import { unzipSync } from "fflate";
import type {
  ArchiveFileRecord,
  ArchiveRecord,
  ArchiveStore,
} from "./archive-store";
import {
  decodeArchiveFile,
  type DecodeFile,
  type DecodedFile,
} from "./decode-file";
import {
  ARCHIVE_FILE_LIMITS,
  type ArchiveRefusalKind,
} from "./read-archive-file";
import type { Segment } from "./segment";

/** One file to import: its path (folder-relative, zip entry or object key) and its bytes on demand. */
export interface ImportSource {
  path: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  events: number;
  bytesDone: number;
  bytesTotal: number;
  refused: {
    path: string;
    kind: ArchiveRefusalKind | "zip";
    message: string;
  }[];
  elapsedMs: number;
  /** Events per second so far. */
  rate: number;
  /** Estimated time left from the bytes still to read. */
  etaMs: number | undefined;
}

export interface ImportOptions {
  archiveId: string;
  label: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** The clock (performance.now in browsers); injected in tests. */
  clock?: () => number;
  /** Wall-clock time the import started. */
  startedAt: Date;
  /**
   * Decodes a file (hash, gunzip, parse, compact): on this thread by
   * default, or on a pool of decode workers, which then work on several
   * files at once while this loop stores them in order.
   */
  decode?: DecodeFile;
}

/** Files fetched ahead of the one being parsed, and their bytes at most. */
const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;
/** Files written to the store in one transaction, or this many bytes. */
const WRITE_BATCH_FILES = 64;
const WRITE_BATCH_BYTES = 8 * 1024 * 1024;

/** A .zip holds at most this much once expanded (its entries are gzip files themselves). */
export const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

/**
 * The files of a .zip as sources. Entries that declare more than the file
 * limit are left out and reported; directories are skipped.
 */
export function zipSources(
  zipPath: string,
  bytes: Uint8Array,
): { sources: ImportSource[]; refused: ImportProgress["refused"] } {
  const refused: ImportProgress["refused"] = [];
  let declared = 0;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      if (file.name.endsWith("/")) return false;
      declared += file.originalSize;
      const ok =
        file.originalSize <= ARCHIVE_FILE_LIMITS.maxTextBytes &&
        declared <= MAX_ZIP_BYTES;
      if (!ok)
        refused.push({
          path: `${zipPath}/${file.name}`,
          kind: "too-large",
          message: `The entry declares ${file.originalSize} bytes, more than Trailscope reads per file.`,
        });
      return ok;
    },
  });
  return {
    sources: Object.entries(entries).map(([name, data]) => ({
      path: `${zipPath}/${name}`,
      size: data.length,
      read: () => Promise.resolve(data),
    })),
    refused,
  };
}

/**
 * Imports files into an archive: each is read (a few ahead), hashed,
 * parsed and stored with its segment in batches, so memory holds a few
 * files at a time and a cancelled or failed import keeps every file it
 * finished. Refused files are recorded with their reason; the good ones
 * load anyway. Sources are read in path order, so days arrive in order.
 */
export async function importArchive(
  store: ArchiveStore,
  sources: readonly ImportSource[],
  options: ImportOptions,
  alreadyRefused: ImportProgress["refused"] = [],
): Promise<ArchiveRecord> {
  const clock = options.clock ?? (() => performance.now());
  const began = clock();
  const ordered = [...sources].sort((a, b) => a.path.localeCompare(b.path));
  const record: ArchiveRecord = {
    id: options.archiveId,
    label: options.label,
    importedAt: options.startedAt.toISOString(),
    status: "importing",
    accountIds: [],
    regions: [],
    files: 0,
    refused: alreadyRefused.length,
    events: 0,
    bytes: 0,
  };
  await store.putArchive(record);
  const accounts = new Set<string>();
  const regions = new Set<string>();
  const progress: ImportProgress = {
    filesDone: 0,
    filesTotal: ordered.length,
    events: 0,
    bytesDone: 0,
    bytesTotal: ordered.reduce((n, s) => n + s.size, 0),
    refused: [...alreadyRefused],
    elapsedMs: 0,
    rate: 0,
    etaMs: undefined,
  };
  const report = () => {
    progress.elapsedMs = clock() - began;
    const seconds = progress.elapsedMs / 1000;
    progress.rate = seconds > 0 ? progress.events / seconds : 0;
    const bytesPerMs =
      progress.elapsedMs > 0 ? progress.bytesDone / progress.elapsedMs : 0;
    progress.etaMs =
      bytesPerMs > 0
        ? (progress.bytesTotal - progress.bytesDone) / bytesPerMs
        : undefined;
    options.onProgress?.({ ...progress, refused: [...progress.refused] });
  };

  // Files are fetched (a bucket answers each in tens of milliseconds) and
  // decoded a few ahead of the one being stored, bounded in count and in bytes.
  const decode = options.decode ?? decodeArchiveFile;
  const pending: (Promise<DecodedFile | Error> | undefined)[] = [];
  let next = 0;
  let inFlightBytes = 0;
  const startReads = () => {
    while (
      next < ordered.length &&
      next - progress.filesDone < READ_AHEAD &&
      (inFlightBytes < READ_AHEAD_BYTES || next === progress.filesDone)
    ) {
      const source = ordered[next]!;
      inFlightBytes += source.size;
      pending[next] = source
        .read()
        .then(
          (bytes) => decode(record.id, source.path, bytes),
          (error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
        )
        .catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        );
      next++;
    }
  };
  // Written in batches: one IndexedDB transaction per many small files.
  let batch: { file: ArchiveFileRecord; segment?: Segment }[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    batchBytes = 0;
    await store.putFiles(entries);
  };
  let lastReport = -Infinity;

  for (let at = 0; at < ordered.length; at++) {
    if (options.signal?.aborted) break;
    startReads();
    const source = ordered[at]!;
    const decoded = await pending[at]!;
    pending[at] = undefined;
    inFlightBytes -= source.size;
    if (options.signal?.aborted) break;
    progress.filesDone += 1;
    progress.bytesDone += source.size;
    record.files += 1;
    if (decoded instanceof Error) {
      // One file that cannot be fetched does not stop the others.
      const message = `The file could not be read: ${decoded.message}`;
      batch.push({
        file: {
          archiveId: record.id,
          path: source.path,
          bytes: 0,
          sha256: "",
          events: 0,
          rejectedCount: 0,
          refused: { kind: "unreadable", message },
        },
      });
      record.refused += 1;
      progress.refused.push({ path: source.path, kind: "unreadable", message });
    } else {
      const { file, segment } = decoded;
      batch.push(segment ? { file, segment } : { file });
      batchBytes += file.bytes;
      record.bytes += file.bytes;
      if (file.refused) {
        record.refused += 1;
        progress.refused.push({ path: file.path, ...file.refused });
      }
      if (segment) {
        progress.events += file.events;
        record.events += file.events;
        for (const id of decoded.accountIds) accounts.add(id);
        if (file.region) regions.add(file.region);
        if (file.day) {
          if (!record.firstDay || file.day < record.firstDay)
            record.firstDay = file.day;
          if (!record.lastDay || file.day > record.lastDay)
            record.lastDay = file.day;
        }
      }
    }
    if (batch.length >= WRITE_BATCH_FILES || batchBytes >= WRITE_BATCH_BYTES)
      await flush();
    // Progress at most ten times a second (and always for the last file).
    const at_ = clock();
    if (at_ - lastReport >= 100 || at === ordered.length - 1) {
      lastReport = at_;
      report();
    }
  }
  await flush();
  record.status = options.signal?.aborted ? "cancelled" : "complete";
  record.accountIds = [...accounts].sort();
  record.regions = [...regions].sort();
  await store.putArchive(record);
  report();
  return record;
}
