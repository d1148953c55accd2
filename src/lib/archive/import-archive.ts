import { unzipSync } from "fflate";
import { accountOfEvents } from "./events-file";
import type {
  ArchiveFileRecord,
  ArchiveRecord,
  ArchiveStore,
} from "./archive-store";
import {
  ARCHIVE_FILE_LIMITS,
  readArchiveFile,
  type ArchiveRefusalKind,
} from "./read-archive-file";
import { toSegment, type Segment } from "./segment";

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

  // Files are fetched a few ahead of the one being parsed (a bucket answers
  // each in tens of milliseconds), bounded in count and in bytes.
  const reads: (Promise<Uint8Array | Error> | undefined)[] = [];
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
      reads[next] = source
        .read()
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
    const bytes = await reads[at]!;
    reads[at] = undefined;
    inFlightBytes -= source.size;
    if (options.signal?.aborted) break;
    progress.filesDone += 1;
    progress.bytesDone += source.size;
    record.files += 1;
    if (bytes instanceof Error) {
      // One file that cannot be fetched does not stop the others.
      const message = `The file could not be read: ${bytes.message}`;
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
      const read = await readArchiveFile(source.path, bytes);
      const loaded = !read.refused && read.events.length > 0;
      batch.push({
        file: {
          archiveId: record.id,
          path: read.path,
          bytes: read.bytes,
          sha256: read.sha256,
          events: read.events.length,
          rejectedCount: read.rejectedCount,
          ...(read.region ? { region: read.region } : {}),
          ...(read.day ? { day: read.day } : {}),
          ...(read.refused ? { refused: read.refused } : {}),
        },
        ...(loaded
          ? {
              segment: toSegment(
                `${record.id}/${read.path}`,
                record.id,
                read.region ?? read.events[0]!.region,
                read.events,
                bytes,
              ),
            }
          : {}),
      });
      batchBytes += bytes.length;
      record.bytes += read.bytes;
      if (read.refused) {
        record.refused += 1;
        progress.refused.push({ path: read.path, ...read.refused });
      }
      if (loaded) {
        progress.events += read.events.length;
        record.events += read.events.length;
        const { accountId } = accountOfEvents(read.events);
        if (accountId) accounts.add(accountId);
        if (read.delivery?.accountId) accounts.add(read.delivery.accountId);
        if (read.region) regions.add(read.region);
        if (read.day) {
          if (!record.firstDay || read.day < record.firstDay)
            record.firstDay = read.day;
          if (!record.lastDay || read.day > record.lastDay)
            record.lastDay = read.day;
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
