import { parseDeliveryPath } from "../../src/lib/archive/delivery-path";
import type { Account } from "../../mocks/data/account";
import { OSS_BUCKETS } from "../../mocks/data/resources";
import {
  listDelivered,
  readDelivered,
  trailRegions,
} from "../../mocks/data/trail-archive";
import type { TrailRecord } from "../../mocks/data/trail-state";
import type {
  BucketObjects,
  StandInBucket,
  StandInObject,
} from "./oss-stand-in";

/**
 * The simulated account's buckets for the OSS stand-in: what its trails
 * delivered (mocks/data/trail-archive.ts), generated a day folder at a
 * time when listed or read, so the live world serves the same files the
 * mock mode does. Trails are looked up on each request: a trail created
 * during a run delivers too.
 */
export function simulatedBuckets(account: Account): StandInBucket[] {
  return OSS_BUCKETS.filter((b) => !b.deleted).map((b) => ({
    name: b.name,
    region: b.region,
    acl: b.acl ?? "private",
    objects: deliveredObjects(account, b.name),
  }));
}

const rootOf = (trail: TrailRecord) =>
  `${trail.OssKeyPrefix ? `${trail.OssKeyPrefix}/` : ""}AliyunLogs/Actiontrail/`;

function deliveredObjects(account: Account, bucket: string): BucketObjects {
  const trails = () =>
    [...account.trails.values()].filter((t) => t.OssBucketName === bucket);
  const asObject = (
    trail: TrailRecord,
    key: string,
  ): StandInObject | undefined => {
    const bytes = readDelivered(account, trail, key);
    if (!bytes) return undefined;
    return {
      key,
      size: bytes.length,
      lastModified: new Date(account.currentTime()).toISOString(),
      body: () => Buffer.from(bytes),
    };
  };
  return {
    folders(prefix) {
      const trail = trails().find((t) => rootOf(t) === prefix);
      return trail
        ? trailRegions(trail)
            .map((r) => `${prefix}${r}/`)
            .sort()
        : undefined;
    },
    *list(prefix, marker) {
      // Day folders only: <root><region>/<yyyy>/<mm>/<dd>/
      const trail = trails().find((t) => prefix.startsWith(rootOf(t)));
      const m = trail
        ? /^([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/$/.exec(
            prefix.slice(rootOf(trail).length),
          )
        : null;
      if (!trail || !m) return;
      const day = `${m[2]}-${m[3]}-${m[4]}`;
      for (const file of listDelivered(account, trail, day, day, [m[1]!]))
        if (file.key.startsWith(prefix) && file.key > marker)
          yield {
            key: file.key,
            size: file.size,
            lastModified: new Date(file.lastModified).toISOString(),
            body: () => Buffer.from(readDelivered(account, trail, file.key)!),
          };
    },
    get(key) {
      const place = parseDeliveryPath(key);
      const trail = trails().find(
        (t) => place && t.OssKeyPrefix === place.prefix,
      );
      return trail ? asObject(trail, key) : undefined;
    },
  };
}
