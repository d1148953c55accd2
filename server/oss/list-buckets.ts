import type { TrailDelivery } from "./actiontrail-read";
import type { ListedBucket, OssReader } from "./oss-reader";

/**
 * The account's buckets for the trail wizard, in the shape the simulated
 * account gives (`Name`, `Location`, `CreationDate`, `Acl`, `Trails`): OSS
 * ListBuckets (every page), each bucket's ACL, and the trails that deliver
 * to it. A bucket whose ACL cannot be read goes without `Acl`; when the
 * trails cannot be read the list goes without `Trails` (the wizard then
 * cannot mark used buckets, and CreateTrail still refuses a repeat).
 */
const MAX_PAGES = 50;
const PARALLEL = 4;

export interface BucketRow {
  Name: string;
  Location: string;
  CreationDate?: string;
  Acl?: string;
  Trails?: string[];
}

export async function listAccountBuckets(
  oss: OssReader,
  allTrails: () => Promise<TrailDelivery[]>,
  onTrailsFailed: (error: unknown) => void,
): Promise<BucketRow[]> {
  const [buckets, trails] = await Promise.all([
    everyBucket(oss),
    allTrails().catch((error: unknown) => {
      onTrailsFailed(error);
      return undefined;
    }),
  ]);
  const acls = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < buckets.length) {
      const b = buckets[next++]!;
      const acl = await oss
        .bucketAcl({ bucket: b.name, region: b.location.replace(/^oss-/, "") })
        .catch(() => undefined);
      if (acl) acls.set(b.name, acl);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, buckets.length) }, worker),
  );
  return buckets.map((b) => {
    const acl = acls.get(b.name);
    return {
      Name: b.name,
      Location: b.location,
      ...(b.creationDate ? { CreationDate: b.creationDate } : {}),
      ...(acl ? { Acl: acl } : {}),
      ...(trails
        ? {
            Trails: trails
              .filter((t) => t.ossBucketName === b.name)
              .map((t) => t.name),
          }
        : {}),
    };
  });
}

async function everyBucket(oss: OssReader): Promise<ListedBucket[]> {
  const out: ListedBucket[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await oss.listBuckets(marker);
    out.push(...answer.buckets);
    if (!answer.nextMarker || answer.nextMarker === marker) break;
    marker = answer.nextMarker;
  }
  return out;
}
