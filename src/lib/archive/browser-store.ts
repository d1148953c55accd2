import {
  indexedDbArchiveStore,
  memoryArchiveStore,
  type ArchiveStore,
} from "./archive-store";

let store: ArchiveStore | undefined;

/**
 * The browser's archive store (IndexedDB), shared by the screens and the
 * main-thread import; in memory where IndexedDB is missing (jsdom tests,
 * some private modes), where archives then last as long as the page.
 */
export function archiveStore(): ArchiveStore {
  return (store ??= indexedDbArchiveStore() ?? memoryArchiveStore());
}

/** Whether imported archives survive a reload here. */
export const archivesPersist = (): boolean => typeof indexedDB !== "undefined";
