/**
 * The simulated account's OSS: its bucket list (`/api/_oss/buckets`) and
 * its answers to `/api/_archive/<HomeRegion>/<Trail>/…`,
 * the same shape the signing gateway gives from the real bucket: a listing
 * of a trail's delivered files by day, and each file's bytes. Only the
 * account's trails with an OSS destination have an archive; keys outside a
 * trail's delivery prefix are refused, as the gateway refuses them.
 */
import { delay, http, HttpResponse, type RequestHandler } from "msw";
import type { Account } from "../data/account";
import { listDelivered, readDelivered } from "../data/trail-archive";
import { OSS_BUCKETS } from "../data/resources";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 31;

/** A refusal in the gateway's error envelope (also used by log-service.ts). */
export function refuse(
  account: Account,
  status: number,
  code: string,
  message: string,
) {
  return HttpResponse.json(
    { RequestId: account.newRequestId(), Code: code, Message: message },
    { status },
  );
}

async function latency(account: Account) {
  const [min, max] = account.latency;
  const wait = min + account.random() * Math.max(0, max - min);
  if (wait > 0) await delay(wait);
}

function trailOf(account: Account, region: string, name: string) {
  const trail = account.trails.get(name);
  return trail && trail.HomeRegion === region ? trail : undefined;
}

export function archiveHandlers(account: Account): RequestHandler[] {
  return [
    // OSS ListBuckets with each bucket's ACL and the trails delivering to it.
    http.get("*/api/_oss/buckets", async () => {
      await latency(account);
      const trails = [...account.trails.values()];
      return HttpResponse.json({
        RequestId: account.newRequestId(),
        Buckets: OSS_BUCKETS.filter((b) => !b.deleted).map((b) => ({
          Name: b.name,
          Location: `oss-${b.region}`,
          Acl: b.acl ?? "private",
          Trails: trails
            .filter((t) => t.OssBucketName === b.name)
            .map((t) => t.Name),
        })),
      });
    }),
    http.get(
      "*/api/_archive/:region/:trail/files",
      async ({ params, request }) => {
        await latency(account);
        const region = String(params.region);
        const trail = trailOf(account, region, String(params.trail));
        if (!trail)
          return refuse(
            account,
            404,
            "TrailNotFoundException",
            `The trail "${String(params.trail)}" does not exist in ${region}.`,
          );
        if (!trail.OssBucketName)
          return refuse(
            account,
            400,
            "InvalidParameter",
            `The trail "${trail.Name}" does not deliver to OSS.`,
          );
        if (OSS_BUCKETS.find((b) => b.name === trail.OssBucketName)?.deleted)
          return refuse(
            account,
            404,
            "NoSuchBucket",
            `The specified bucket does not exist. Bucket: ${trail.OssBucketName}`,
          );
        const url = new URL(request.url);
        const from = url.searchParams.get("from") ?? "";
        const to = url.searchParams.get("to") ?? "";
        if (!DAY.test(from) || !DAY.test(to) || to < from)
          return refuse(
            account,
            400,
            "InvalidParameter",
            "from and to are days (yyyy-MM-dd), from not after to.",
          );
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
        if (days > MAX_DAYS)
          return refuse(
            account,
            400,
            "InvalidParameterDateOutOfRange",
            `One listing spans at most ${MAX_DAYS} days.`,
          );
        const files = listDelivered(account, trail, from, to);
        return HttpResponse.json({
          RequestId: account.newRequestId(),
          Bucket: trail.OssBucketName,
          Prefix: trail.OssKeyPrefix,
          Files: files.map((f) => ({
            Key: f.key,
            Size: f.size,
            LastModified: new Date(f.lastModified).toISOString(),
          })),
        });
      },
    ),
    http.get(
      "*/api/_archive/:region/:trail/object",
      async ({ params, request }) => {
        await latency(account);
        const trail = trailOf(
          account,
          String(params.region),
          String(params.trail),
        );
        const key = new URL(request.url).searchParams.get("key") ?? "";
        if (!trail?.OssBucketName)
          return refuse(
            account,
            404,
            "TrailNotFoundException",
            "No such trail archive.",
          );
        const prefix = trail.OssKeyPrefix ? `${trail.OssKeyPrefix}/` : "";
        if (!key.startsWith(`${prefix}AliyunLogs/`))
          return refuse(
            account,
            403,
            "AccessDenied",
            "The key is not under the trail's delivery prefix.",
          );
        const bytes = readDelivered(account, trail, key);
        if (!bytes)
          return refuse(
            account,
            404,
            "NoSuchKey",
            "The specified key does not exist.",
          );
        return new HttpResponse(bytes.slice().buffer, {
          headers: { "Content-Type": "application/gzip" },
        });
      },
    ),
  ];
}
