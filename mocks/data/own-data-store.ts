/**
 * Where a visitor's own events file is kept between page loads: IndexedDB
 * (through `idb`), one record holding the file as it was given (bytes, still
 * gzipped if it was) and its name. The file is read again on start-up by the
 * same parser, so what is restored is exactly what was accepted.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export interface StoredOwnFile {
  fileName: string;
  /** The file's bytes as loaded (gzip stays gzip). */
  bytes: Blob;
  /** Epoch ms it was loaded. */
  savedAt: number;
}

/** Keeps at most one loaded file; the in-memory one serves tests and browsers without IndexedDB. */
export interface OwnDataStore {
  read(): Promise<StoredOwnFile | undefined>;
  write(file: StoredOwnFile): Promise<void>;
  remove(): Promise<void>;
}

interface OwnDataDb extends DBSchema {
  files: { key: string; value: StoredOwnFile };
}

export const OWN_DATA_DB = "trailscope-own-data";
const STORE = "files";
const CURRENT = "current";

/** The IndexedDB store, or undefined where IndexedDB is missing (some private modes). */
export function indexedDbOwnDataStore(): OwnDataStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  let db: Promise<IDBPDatabase<OwnDataDb>> | undefined;
  const open = () =>
    (db ??= openDB<OwnDataDb>(OWN_DATA_DB, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    }));
  return {
    async read() {
      const record = await (await open()).get(STORE, CURRENT);
      return record && record.bytes instanceof Blob ? record : undefined;
    },
    async write(file) {
      await (await open()).put(STORE, file, CURRENT);
    },
    async remove() {
      await (await open()).delete(STORE, CURRENT);
    },
  };
}

/** A store that lives as long as the object (tests; a browser without IndexedDB). */
export function memoryOwnDataStore(): OwnDataStore {
  let current: StoredOwnFile | undefined;
  return {
    read: () => Promise.resolve(current),
    write: (file) => {
      current = file;
      return Promise.resolve();
    },
    remove: () => {
      current = undefined;
      return Promise.resolve();
    },
  };
}
