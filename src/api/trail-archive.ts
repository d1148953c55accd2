import { z } from "zod";
import { ApiError, isAbortError } from "./errors";
import { errorEnvelopeSchema } from "./schemas/common";

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

const archiveUrl = (
  homeRegion: string,
  trailName: string,
  what: "files" | "object",
  query: Record<string, string>,
): string => {
  const base =
    (import.meta.env.VITE_API_BASE_URL as string | undefined) || "/api";
  const origin =
    typeof location === "undefined" ? "http://localhost" : location.origin;
  const url = new URL(
    `${base.replace(/\/$/, "")}/_archive/${encodeURIComponent(homeRegion)}/${encodeURIComponent(trailName)}/${what}`,
    origin,
  );
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.href;
};

async function call(
  url: string,
  action: string,
  region: string,
  signal?: AbortSignal,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: "same-origin",
      cache: "no-store",
      signal: signal ?? null,
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiError({
      code: "NetworkError",
      message: "The request did not reach the archive. Check the connection.",
      status: 0,
      action,
      region,
      cause,
    });
  }
  if (response.ok) return response;
  const envelope = errorEnvelopeSchema.safeParse(
    await response.json().catch(() => undefined),
  );
  throw new ApiError({
    code: envelope.success ? envelope.data.Code : `Http${response.status}`,
    message: envelope.success
      ? (envelope.data.Message ?? "")
      : `The archive answered HTTP ${response.status}.`,
    status: response.status,
    requestId: envelope.success ? envelope.data.RequestId : undefined,
    action,
    region,
  });
}

/** The files a trail delivered from `fromDay` to `toDay` (UTC days, both included). */
export async function listTrailArchive(
  trail: { homeRegion: string; name: string },
  range: { fromDay: string; toDay: string },
  signal?: AbortSignal,
): Promise<ArchiveListing> {
  const response = await call(
    archiveUrl(trail.homeRegion, trail.name, "files", {
      from: range.fromDay,
      to: range.toDay,
    }),
    ACTION_LIST,
    trail.homeRegion,
    signal,
  );
  const parsed = archiveListSchema.safeParse(await response.json());
  if (!parsed.success)
    throw new ApiError({
      code: "InvalidResponse",
      message: "The archive listing did not match the expected shape.",
      status: response.status,
      action: ACTION_LIST,
      region: trail.homeRegion,
      cause: parsed.error,
    });
  return parsed.data;
}

/** The URL one delivered file is read from (the import worker fetches it). */
export const trailArchiveObjectUrl = (
  trail: { homeRegion: string; name: string },
  key: string,
): string => archiveUrl(trail.homeRegion, trail.name, "object", { key });

/** One delivered file's bytes, as stored (gzip). */
export async function readTrailArchiveObject(
  url: string,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const response = await call(url, ACTION_GET, "", signal);
  return new Uint8Array(await response.arrayBuffer());
}
