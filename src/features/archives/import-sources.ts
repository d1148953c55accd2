import {
  zipSources,
  type ImportProgress,
  type ImportSource,
} from "@/lib/archive/import-archive";
import { readTrailArchiveObject } from "@/api/trail-archive";
import type { PickedFile } from "./import-messages";

/** The files to import: picked files as they are, the entries of each .zip in their place. */
export async function sourcesOf(files: readonly PickedFile[]): Promise<{
  sources: ImportSource[];
  refused: ImportProgress["refused"];
}> {
  const sources: ImportSource[] = [];
  const refused: ImportProgress["refused"] = [];
  for (const picked of files) {
    if ("object" in picked) {
      sources.push({
        path: picked.path,
        size: picked.size,
        read: () => readTrailArchiveObject(picked.object),
      });
      continue;
    }
    const { path, file } = picked;
    if (/\.zip$/i.test(path)) {
      try {
        const zip = zipSources(path, new Uint8Array(await file.arrayBuffer()));
        sources.push(...zip.sources);
        refused.push(...zip.refused);
      } catch (error) {
        refused.push({
          path,
          kind: "zip",
          message: `The .zip file could not be read (${(error as Error).message}).`,
        });
      }
    } else
      sources.push({
        path,
        size: file.size,
        read: async () => new Uint8Array(await file.arrayBuffer()),
      });
  }
  return { sources, refused };
}
