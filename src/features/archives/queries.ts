import { queryOptions } from "@tanstack/react-query";
import { archiveStore } from "./archive-store-instance";

export const ARCHIVES_KEY = ["archives"] as const;

/** The archives imported into this browser, newest import first. */
export const archivesQueryOptions = () =>
  queryOptions({
    queryKey: [...ARCHIVES_KEY, "list"],
    queryFn: async () =>
      (await archiveStore().listArchives()).sort((a, b) =>
        b.importedAt.localeCompare(a.importedAt),
      ),
  });

/** One archive's files: the evidence manifest and the coverage calendar read them. */
export const archiveFilesQueryOptions = (archiveId: string) =>
  queryOptions({
    queryKey: [...ARCHIVES_KEY, "files", archiveId],
    queryFn: async () =>
      (await archiveStore().files(archiveId)).sort((a, b) =>
        a.path.localeCompare(b.path),
      ),
  });
