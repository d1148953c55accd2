import { checkArchiveKey, dayFolder, deliveryRoot } from "./archive-keys";
import { ArchiveError } from "./archive-error";
import type { BucketPlace, ListedObject, OssReader } from "./oss-reader";

/**
 * A trail's delivered files for some days, read from its bucket: the
 * region folders under the delivery root (and, for a multi-account trail,
 * `<rd_id>/<accountId>/` before them), then each region's day folders,
 * every page of each (OSS answers 1,000 keys a page and a marker for the
 * next). Only keys that are the trail's delivery files are kept; the
 * listing is in key order and refused past `maxFiles`.
 */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-?\d*$/;
const DIGITS = /^\d+$/;
const PARALLEL = 4;
const MAX_PAGES = 10_000;

async function allPages(
  reader: OssReader,
  place: BucketPlace,
  prefix: string,
  delimiter: string | undefined,
  each: (objects: ListedObject[], folders: string[]) => void,
): Promise<void> {
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await reader.listPage(place, {
      prefix,
      ...(marker ? { marker } : {}),
      ...(delimiter ? { delimiter } : {}),
    });
    each(answer.objects, answer.folders);
    if (!answer.nextMarker || answer.nextMarker === marker) return;
    marker = answer.nextMarker;
  }
}

async function foldersOf(
  reader: OssReader,
  place: BucketPlace,
  prefix: string,
): Promise<string[]> {
  const found: string[] = [];
  await allPages(reader, place, prefix, "/", (_, folders) =>
    found.push(...folders.filter((f) => f.startsWith(prefix))),
  );
  return found;
}

const lastSegment = (folder: string) =>
  folder.replace(/\/$/, "").split("/").pop() ?? "";

/** The folders that hold `<YYYY>/<MM>/<DD>/` of one region. */
async function regionFolders(
  reader: OssReader,
  place: BucketPlace,
  root: string,
): Promise<string[]> {
  const out: string[] = [];
  for (const folder of await foldersOf(reader, place, root)) {
    if (REGION.test(lastSegment(folder))) {
      out.push(folder);
      continue;
    }
    // Multi-account: <rd_id>/<accountId>/<region>/
    for (const member of await foldersOf(reader, place, folder)) {
      if (!DIGITS.test(lastSegment(member))) continue;
      for (const region of await foldersOf(reader, place, member))
        if (REGION.test(lastSegment(region))) out.push(region);
    }
  }
  return out;
}

export async function listArchive(
  reader: OssReader,
  place: BucketPlace,
  ossKeyPrefix: string,
  days: readonly string[],
  maxFiles: number,
): Promise<ListedObject[]> {
  const root = deliveryRoot(ossKeyPrefix);
  const folders = (await regionFolders(reader, place, root)).flatMap((region) =>
    days.map((day) => dayFolder(region, day)),
  );
  const files: ListedObject[] = [];
  let next = 0;
  const worker = async () => {
    while (next < folders.length) {
      const folder = folders[next++]!;
      await allPages(reader, place, folder, undefined, (objects) => {
        for (const o of objects)
          if (checkArchiveKey(o.key, ossKeyPrefix).ok) files.push(o);
        if (files.length > maxFiles)
          throw new ArchiveError(
            400,
            "InvalidParameterDateOutOfRange",
            `These days hold more than ${maxFiles} files: list fewer days at a time.`,
          );
      });
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, folders.length) }, worker),
  );
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
