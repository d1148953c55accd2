import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ArchiveRefusalKind } from "./read-archive-file";
import type { Segment } from "./segment";

/**
 * Imported archives, kept in this browser (IndexedDB) so they survive a
 * reload: one record per archive (an import of many files), one per file
 * (its evidence: path, size, SHA-256, events, or why it was refused) and
 * one compact segment per loaded file (src/lib/archive/segment.ts).
 */
export interface ArchiveRecord {
  id: string;
  label: string;
  /** ISO time the import started. */
  importedAt: string;
  /** `importing` while files are read; `cancelled` keeps what was read. */
  status: "importing" | "complete" | "cancelled";
  accountIds: string[];
  regions: string[];
  /** First and last day with a loaded file, `YYYY-MM-DD`. */
  firstDay?: string;
  lastDay?: string;
  files: number;
  refused: number;
  events: number;
  bytes: number;
}

export interface ArchiveFileRecord {
  archiveId: string;
  path: string;
  bytes: number;
  sha256: string;
  events: number;
  rejectedCount: number;
  region?: string;
  day?: string;
  refused?: { kind: ArchiveRefusalKind; message: string };
}

export interface ArchiveStore {
  listArchives(): Promise<ArchiveRecord[]>;
  putArchive(record: ArchiveRecord): Promise<void>;
  /** Writes files' records and, for those loaded, their segments, in one transaction. */
  putFiles(
    entries: readonly { file: ArchiveFileRecord; segment?: Segment }[],
  ): Promise<void>;
  files(archiveId: string): Promise<ArchiveFileRecord[]>;
  /** Segments of the given regions (all when empty) overlapping [from, to]. */
  segments(
    regions: readonly string[],
    from: number,
    to: number,
  ): Promise<Segment[]>;
  removeArchive(id: string): Promise<void>;
}

interface ArchiveDb extends DBSchema {
  archives: { key: string; value: ArchiveRecord };
  files: {
    key: [string, string];
    value: ArchiveFileRecord;
    indexes: { archive: string };
  };
  segments: {
    key: string;
    value: Segment;
    indexes: { archive: string; region: string };
  };
}

export const ARCHIVE_DB = "trailscope-archives";

const overlaps = (s: Segment, from: number, to: number) =>
  s.timeMax >= from && s.timeMin <= to;

/** The IndexedDB store, or undefined where IndexedDB is missing (some private modes). */
export function indexedDbArchiveStore(): ArchiveStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  let db: Promise<IDBPDatabase<ArchiveDb>> | undefined;
  const open = () =>
    (db ??= openDB<ArchiveDb>(ARCHIVE_DB, 1, {
      upgrade(database) {
        database.createObjectStore("archives", { keyPath: "id" });
        database
          .createObjectStore("files", { keyPath: ["archiveId", "path"] })
          .createIndex("archive", "archiveId");
        const segments = database.createObjectStore("segments", {
          keyPath: "id",
        });
        segments.createIndex("archive", "archiveId");
        segments.createIndex("region", "region");
      },
    }));
  return {
    async listArchives() {
      return (await open()).getAll("archives");
    },
    async putArchive(record) {
      await (await open()).put("archives", record);
    },
    async putFiles(entries) {
      const tx = (await open()).transaction(["files", "segments"], "readwrite");
      const files = tx.objectStore("files");
      const segments = tx.objectStore("segments");
      await Promise.all([
        ...entries.flatMap(({ file, segment }) => [
          files.put(file),
          ...(segment ? [segments.put(segment)] : []),
        ]),
        tx.done,
      ]);
    },
    async files(archiveId) {
      return (await open()).getAllFromIndex("files", "archive", archiveId);
    },
    async segments(regions, from, to) {
      const database = await open();
      const found = regions.length
        ? (
            await Promise.all(
              regions.map((r) =>
                database.getAllFromIndex("segments", "region", r),
              ),
            )
          ).flat()
        : await database.getAll("segments");
      return found.filter((s) => overlaps(s, from, to));
    },
    async removeArchive(id) {
      const tx = (await open()).transaction(
        ["archives", "files", "segments"],
        "readwrite",
      );
      const deleteAll = async (store: "files" | "segments") => {
        let cursor = await tx
          .objectStore(store)
          .index("archive")
          .openCursor(id);
        while (cursor) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      };
      await Promise.all([
        tx.objectStore("archives").delete(id),
        deleteAll("files"),
        deleteAll("segments"),
      ]);
      await tx.done;
    },
  };
}

/** A store that lives as long as the object (tests; a browser without IndexedDB). */
export function memoryArchiveStore(): ArchiveStore {
  const archives = new Map<string, ArchiveRecord>();
  const files = new Map<string, ArchiveFileRecord>();
  const segments = new Map<string, Segment>();
  return {
    listArchives: () => Promise.resolve([...archives.values()]),
    putArchive(record) {
      archives.set(record.id, structuredClone(record));
      return Promise.resolve();
    },
    putFiles(entries) {
      for (const { file, segment } of entries) {
        files.set(`${file.archiveId}\u0000${file.path}`, file);
        if (segment) segments.set(segment.id, segment);
      }
      return Promise.resolve();
    },
    files: (archiveId) =>
      Promise.resolve(
        [...files.values()].filter((f) => f.archiveId === archiveId),
      ),
    segments: (regions, from, to) =>
      Promise.resolve(
        [...segments.values()].filter(
          (s) =>
            (regions.length === 0 || regions.includes(s.region)) &&
            overlaps(s, from, to),
        ),
      ),
    removeArchive(id) {
      archives.delete(id);
      for (const [key, f] of files) if (f.archiveId === id) files.delete(key);
      for (const [key, s] of segments)
        if (s.archiveId === id) segments.delete(key);
      return Promise.resolve();
    },
  };
}
