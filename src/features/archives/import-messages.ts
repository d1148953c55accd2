import type { ArchiveObjectRef } from "@/api/trail-archive";
import type { ArchiveRecord } from "@/lib/archive/archive-store";
import type { ImportProgress } from "@/lib/archive/import-archive";

/** A file picked or dropped, with its path inside the folder or zip. */
export interface LocalFile {
  path: string;
  file: File;
}

/** A file of a trail's bucket, read through the archive API. */
export interface RemoteFile {
  path: string;
  object: ArchiveObjectRef;
  size: number;
}

export type PickedFile = LocalFile | RemoteFile;

export type ImportRequest =
  | {
      type: "import";
      id: number;
      archiveId: string;
      label: string;
      startedAt: number;
      files: PickedFile[];
    }
  | { type: "cancel"; id: number };

export type ImportReply =
  | { type: "progress"; id: number; progress: ImportProgress }
  | { type: "done"; id: number; record: ArchiveRecord }
  | { type: "error"; id: number; message: string };
