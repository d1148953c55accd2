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

/** The days the imported archives span, or undefined when there are none. */
export async function archivedDays(): Promise<
  { firstDay: string; lastDay: string } | undefined
> {
  const days = (await archiveStore().listArchives()).flatMap((a) =>
    a.firstDay && a.lastDay && a.events > 0 ? [[a.firstDay, a.lastDay]] : [],
  );
  if (days.length === 0) return undefined;
  return {
    firstDay: days.map((d) => d[0]!).sort()[0]!,
    lastDay: days
      .map((d) => d[1]!)
      .sort()
      .at(-1)!,
  };
}
