import type { PickedFile } from "./import-messages";

/** Files from an `<input type="file">` (a folder picker gives each file's path inside the folder). */
export function fromFileList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({
    path: file.webkitRelativePath || file.name,
    file,
  }));
}

const readEntries = (reader: FileSystemDirectoryReader) =>
  new Promise<FileSystemEntry[]>((resolve, reject) =>
    reader.readEntries(resolve, reject),
  );

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** Walks a dropped folder; a directory reader answers in batches until an empty one. */
async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    out.push({
      path: entry.fullPath.replace(/^\//, ""),
      file: await fileOf(entry as FileSystemFileEntry),
    });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, out);
  }
}

/** Files and folders dropped on the import area, folders walked to their files. */
export async function fromDataTransfer(
  transfer: DataTransfer,
): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return fromFileList(transfer.files);
  const out: PickedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
