import { z } from "zod";
import { gatewayGet, parseGatewayJson } from "./client";

/**
 * A trail's delivered archive, where it lives: the files a trail wrote to
 * its OSS bucket, listed by day and read one by one. The console asks
 * `/api/_archive/<HomeRegion>/<TrailName>/…`; the signing gateway answers
 * from the bucket (read-only, only the delivery prefixes of the account's
 * trails) and the simulated account from its simulated bucket, in the same
 * shape. Errors come in ActionTrail's envelope (`Code`, `Message`,
 * `RequestId`) and become `ApiError`s.
 */
const archiveListSchema = z
  .looseObject({
    RequestId: z.string(),
    Bucket: z.string(),
    Prefix: z.string(),
    Files: z.array(
      z.looseObject({
        Key: z.string(),
        Size: z.number().int().nonnegative(),
        LastModified: z.string(),
      }),
    ),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    bucket: r.Bucket,
    prefix: r.Prefix,
    files: r.Files.map((f) => ({
      key: f.Key,
      size: f.Size,
      lastModified: f.LastModified,
    })),
  }));

export type ArchiveListing = z.output<typeof archiveListSchema>;

/** At most this many days are listed in one call (a day is up to 288 files a region). */
export const MAX_ARCHIVE_LIST_DAYS = 31;

const ACTION_LIST = "ListTrailArchive";
const ACTION_GET = "GetTrailArchiveObject";

const archivePath = (
  trail: { homeRegion: string; name: string },
  what: "files" | "object",
) =>
  `_archive/${encodeURIComponent(trail.homeRegion)}/${encodeURIComponent(trail.name)}/${what}`;

/** The files a trail delivered from `fromDay` to `toDay` (UTC days, both included). */
export async function listTrailArchive(
  trail: { homeRegion: string; name: string },
  range: { fromDay: string; toDay: string },
  signal?: AbortSignal,
): Promise<ArchiveListing> {
  const response = await gatewayGet(
    archivePath(trail, "files"),
    { from: range.fromDay, to: range.toDay },
    ACTION_LIST,
    trail.homeRegion,
    signal,
  );
  return parseGatewayJson(
    response,
    archiveListSchema,
    ACTION_LIST,
    trail.homeRegion,
  );
}

/** What identifies one delivered file to read (the import worker reads it). */
export interface ArchiveObjectRef {
  homeRegion: string;
  name: string;
  key: string;
}

/** A delivered file's reference, carried to the import worker as a plain object. */
export const trailArchiveObject = (
  trail: { homeRegion: string; name: string },
  key: string,
): ArchiveObjectRef => ({
  homeRegion: trail.homeRegion,
  name: trail.name,
  key,
});

/** One delivered file's bytes, as stored (gzip). */
export async function readTrailArchiveObject(
  ref: ArchiveObjectRef,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const response = await gatewayGet(
    archivePath(ref, "object"),
    { key: ref.key },
    ACTION_GET,
    ref.homeRegion,
    signal,
  );
  return new Uint8Array(await response.arrayBuffer());
}
