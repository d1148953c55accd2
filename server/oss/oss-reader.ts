import type { Readable } from "node:stream";
import OSS from "ali-oss";
import type { SigningCredentials } from "../signature";
import type { OssConfig } from "./oss-config";

/**
 * The few read-only OSS calls the gateway makes, through the official
 * client (`ali-oss`) with V4 signatures: list a folder (paged by marker),
 * open an object as a stream, list the account's buckets, read a bucket's
 * ACL. Nothing here writes to a bucket. A client is made per call with the
 * credentials the chain gives at that moment, so refreshed STS keys are used.
 */
export interface ListedObject {
  key: string;
  size: number;
  lastModified: string;
}

export interface ObjectPage {
  objects: ListedObject[];
  /** Common prefixes (folders) when listed with a delimiter. */
  folders: string[];
  nextMarker: string | undefined;
}

export interface OpenedObject {
  stream: Readable;
  length: number | undefined;
}

export interface ListedBucket {
  name: string;
  /** `oss-cn-hangzhou`. */
  location: string;
  creationDate: string | undefined;
}

export interface OssReader {
  listPage(
    place: BucketPlace,
    query: { prefix: string; marker?: string; delimiter?: string },
  ): Promise<ObjectPage>;
  open(place: BucketPlace, key: string): Promise<OpenedObject>;
  listBuckets(marker?: string): Promise<{
    buckets: ListedBucket[];
    nextMarker: string | undefined;
  }>;
  bucketAcl(place: BucketPlace): Promise<string>;
}

/** A bucket and the region it lives in (`cn-hangzhou`). */
export interface BucketPlace {
  bucket: string;
  region: string;
}

/** An OSS error as ali-oss reports it: the service's code and status. */
export interface OssFailure {
  status: number | undefined;
  code: string | undefined;
  requestId: string | undefined;
}

export function ossFailure(error: unknown): OssFailure {
  const e = (error ?? {}) as Record<string, unknown>;
  return {
    status: typeof e.status === "number" && e.status > 0 ? e.status : undefined,
    code:
      typeof e.code === "string"
        ? e.code
        : typeof e.name === "string"
          ? e.name
          : undefined,
    requestId: typeof e.requestId === "string" ? e.requestId : undefined,
  };
}

const PAGE_KEYS = 1000;

interface RawList {
  objects?: { name: string; size: number; lastModified: string }[] | null;
  prefixes?: string[] | null;
  nextMarker?: string | null;
  isTruncated?: boolean;
}

interface RawBuckets {
  buckets?: { name: string; region: string; creationDate?: string }[] | null;
  nextMarker?: string | null;
  isTruncated?: boolean;
}

export function aliOssReader(
  config: OssConfig,
  credentials: () => Promise<SigningCredentials>,
  timeoutMs: number,
): OssReader {
  const client = async (region: string, bucket?: string) => {
    const key = await credentials();
    return new OSS({
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
      ...(key.securityToken
        ? {
            stsToken: key.securityToken,
            // The chain refreshes STS keys; ali-oss asks again through it.
            refreshSTSToken: async () => {
              const fresh = await credentials();
              return {
                accessKeyId: fresh.accessKeyId,
                accessKeySecret: fresh.accessKeySecret,
                stsToken: fresh.securityToken ?? "",
              };
            },
          }
        : {}),
      region: `oss-${region}`,
      ...(bucket ? { bucket } : {}),
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      secure: true,
      authorizationV4: true,
      timeout: timeoutMs,
    });
  };
  return {
    async listPage(place, query) {
      const oss = await client(place.region, place.bucket);
      const raw = (await oss.list(
        {
          prefix: query.prefix,
          "max-keys": PAGE_KEYS,
          ...(query.marker ? { marker: query.marker } : {}),
          ...(query.delimiter ? { delimiter: query.delimiter } : {}),
        },
        { timeout: timeoutMs },
      )) as unknown as RawList;
      return {
        objects: (raw.objects ?? []).map((o) => ({
          key: o.name,
          size: o.size,
          lastModified: o.lastModified,
        })),
        folders: raw.prefixes ?? [],
        nextMarker:
          raw.isTruncated && raw.nextMarker ? raw.nextMarker : undefined,
      };
    },
    async open(place, key) {
      const oss = await client(place.region, place.bucket);
      const answer = (await oss.getStream(key, {
        timeout: timeoutMs,
      })) as { stream: Readable; res: { headers: unknown } };
      const headers = answer.res.headers as Record<string, string | undefined>;
      const declared = Number(headers["content-length"]);
      return {
        stream: answer.stream,
        length: Number.isFinite(declared) ? declared : undefined,
      };
    },
    async listBuckets(marker) {
      const oss = await client("cn-hangzhou");
      const raw = (await oss.listBuckets(
        { "max-keys": String(PAGE_KEYS), ...(marker ? { marker } : {}) },
        { timeout: timeoutMs },
      )) as unknown as RawBuckets;
      return {
        buckets: (raw.buckets ?? []).map((b) => ({
          name: b.name,
          location: b.region,
          creationDate: b.creationDate,
        })),
        nextMarker:
          raw.isTruncated && raw.nextMarker ? raw.nextMarker : undefined,
      };
    },
    async bucketAcl(place) {
      const oss = await client(place.region);
      const { acl } = await oss.getBucketACL(place.bucket, {
        timeout: timeoutMs,
      });
      return acl;
    },
  };
}
