import { createHash, createHmac, randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { SigningCredentials } from "../signature";

/**
 * A local stand-in for OSS on loopback, for the gateway's archive routes:
 * it checks each request's V4 signature the way OSS does (known
 * AccessKeyId, the scope's region is the bucket's, a fresh x-oss-date, the
 * STS token, HMAC-SHA256 over the canonical request) and answers
 * ListBuckets, GetBucketAcl, ListObjects (marker paging, delimiter folders)
 * and GetObject (streamed) in OSS's XML and error shapes.
 *
 * `ali-oss` pointed at an IP endpoint (`http://127.0.0.1:<port>`) keeps the
 * virtual-host form in the Host header (`<bucket>.oss-<region>.aliyuncs.com`)
 * and the object in the path, which is how the stand-in tells buckets apart.
 */
export interface StandInObject {
  key: string;
  size: number;
  lastModified: string;
  /** The bytes, or a stream of exactly `size` bytes (opened per request). */
  body: () => Buffer | Readable;
}

/** What one bucket holds; `list` gives keys after `marker` under `prefix`, in order. */
export interface BucketObjects {
  list(prefix: string, marker: string): Iterable<StandInObject>;
  get(key: string): StandInObject | undefined;
  /**
   * The `/`-folders right under `prefix`, when the bucket knows them without
   * walking every key (a generated bucket); undefined to derive them.
   */
  folders?(prefix: string): readonly string[] | undefined;
}

export interface StandInBucket {
  name: string;
  region: string;
  acl?: string;
  creationDate?: string;
  objects: BucketObjects;
}

export interface OssStandInOptions {
  buckets: readonly StandInBucket[];
  keys: readonly SigningCredentials[];
  port?: number;
  clock?: () => number;
  /** Keys per ListObjects page at most (OSS: 1,000); tests page with fewer. */
  maxKeysCap?: number;
}

export interface OssReceived {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  /** The error code answered, when refused. */
  refused?: string;
}

export interface RunningOssStandIn {
  server: Server;
  port: number;
  /** The gateway's GATEWAY_OSS_ENDPOINT for this stand-in. */
  endpoint: string;
  received: OssReceived[];
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;
const ALGORITHM = "OSS4-HMAC-SHA256";

class OssRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xmlText = (value: string): string =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** OSS's RFC 3986 encoding (encodeURIComponent plus `!'()*`). */
const encode = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** A map-backed bucket, keys kept in order. */
export function bucketObjects(
  objects: readonly StandInObject[],
): BucketObjects {
  const sorted = [...objects].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const byKey = new Map(sorted.map((o) => [o.key, o]));
  return {
    *list(prefix, marker) {
      for (const o of sorted)
        if (o.key.startsWith(prefix) && o.key > marker) yield o;
    },
    get: (key) => byKey.get(key),
  };
}

export interface SignedRequest {
  method: string;
  /** `/<bucket>/<key>`, `/<bucket>/` or `/`. */
  resource: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
}

/** OSS V4: the signature a request should carry, from its parts and the key's secret. */
export function signatureV4(
  request: SignedRequest,
  secret: string,
  scope: { date: string; region: string },
): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (
      typeof value === "string" &&
      (lower === "content-type" ||
        lower === "content-md5" ||
        lower.startsWith("x-oss-"))
    )
      headers[lower] = value.trim();
  }
  const canonicalQuery = Object.keys(request.query)
    .sort()
    .map((k) =>
      request.query[k] === ""
        ? encode(k)
        : `${encode(k)}=${encode(request.query[k]!)}`,
    )
    .join("&");
  const canonicalHeaders = Object.keys(headers)
    .sort()
    .map((k) => `${k}:${headers[k]}\n`)
    .join("");
  const canonical = [
    request.method,
    encode(request.resource).replace(/%2F/g, "/"),
    canonicalQuery,
    canonicalHeaders,
    "",
    headers["x-oss-content-sha256"] ?? "UNSIGNED-PAYLOAD",
  ].join("\n");
  const stamp = headers["x-oss-date"] ?? "";
  const scopeText = `${scope.date}/${scope.region}/oss/aliyun_v4_request`;
  const toSign = [
    ALGORITHM,
    stamp,
    scopeText,
    createHash("sha256").update(canonical).digest("hex"),
  ].join("\n");
  let key = createHmac("sha256", `aliyun_v4${secret}`)
    .update(scope.date)
    .digest();
  for (const part of [scope.region, "oss", "aliyun_v4_request"])
    key = createHmac("sha256", key).update(part).digest();
  return createHmac("sha256", key).update(toSign).digest("hex");
}

const V4_HEADER =
  /^OSS4-HMAC-SHA256 Credential=([^/,]+)\/(\d{8})\/([a-z0-9-]+)\/oss\/aliyun_v4_request,(?:AdditionalHeaders=[^,]*,)?Signature=([0-9a-f]{64})$/;

/** OSS's authentication checks, refusing with its codes. */
export function verifyOssRequest(
  request: SignedRequest,
  keys: readonly SigningCredentials[],
  bucketRegion: string | undefined,
  now: number,
): void {
  const authorization = request.headers.authorization;
  if (typeof authorization !== "string")
    throw new OssRefusal(
      403,
      "AccessDenied",
      "AccessDenied: anonymous access is forbidden for this operation.",
    );
  const match = V4_HEADER.exec(authorization);
  if (!match)
    throw new OssRefusal(
      400,
      "InvalidArgument",
      "Authorization header is invalid (the stand-in accepts V4 only).",
    );
  const [, id, date, region, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  const key = keys.find((k) => k.accessKeyId === id);
  if (!key)
    throw new OssRefusal(
      403,
      "InvalidAccessKeyId",
      "The OSS Access Key Id you provided does not exist in our records.",
    );
  const stamp = String(request.headers["x-oss-date"] ?? "");
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  const at = m
    ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
    : Number.NaN;
  if (Number.isNaN(at) || !stamp.startsWith(date))
    throw new OssRefusal(
      403,
      "AccessDenied",
      "x-oss-date is missing or does not match the credential's date.",
    );
  if (Math.abs(now - at) > MAX_SKEW_MS)
    throw new OssRefusal(
      403,
      "RequestTimeTooSkewed",
      "The difference between the request time and the current time is too large.",
    );
  if (bucketRegion && region !== bucketRegion)
    throw new OssRefusal(
      403,
      "SignatureDoesNotMatch",
      `The request is signed for ${region}; the bucket is in ${bucketRegion}.`,
    );
  if (signatureV4(request, key.accessKeySecret, { date, region }) !== signature)
    throw new OssRefusal(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
  if (
    key.securityToken &&
    request.headers["x-oss-security-token"] !== key.securityToken
  )
    throw new OssRefusal(
      403,
      "InvalidSecurityToken",
      "The security token you provided is invalid.",
    );
}

function listBucketsXml(buckets: readonly StandInBucket[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult><Owner><ID>1234567890</ID><DisplayName>1234567890</DisplayName></Owner><Buckets>${buckets
    .map(
      (b) =>
        `<Bucket><Name>${xmlText(b.name)}</Name><Location>oss-${b.region}</Location><CreationDate>${b.creationDate ?? "2025-01-01T00:00:00.000Z"}</CreationDate><StorageClass>Standard</StorageClass><Region>${b.region}</Region></Bucket>`,
    )
    .join("")}</Buckets></ListAllMyBucketsResult>`;
}

function aclXml(bucket: StandInBucket): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy><Owner><ID>1234567890</ID><DisplayName>1234567890</DisplayName></Owner><AccessControlList><Grant>${bucket.acl ?? "private"}</Grant></AccessControlList></AccessControlPolicy>`;
}

function listObjectsXml(
  bucket: StandInBucket,
  query: Record<string, string>,
  cap: number,
): string {
  const prefix = query.prefix ?? "";
  const marker = query.marker ?? "";
  const delimiter = query.delimiter ?? "";
  const maxKeys = Math.min(cap, Number(query["max-keys"] ?? 100) || 100);
  const contents: StandInObject[] = [];
  const folders: string[] = [];
  let last = "";
  let truncated = false;
  const known =
    delimiter === "/" ? bucket.objects.folders?.(prefix) : undefined;
  for (const folder of known ?? []) {
    if (folder <= marker) continue;
    if (folders.length >= maxKeys) {
      truncated = true;
      break;
    }
    folders.push(folder);
    last = folder;
  }
  for (const o of known ? [] : bucket.objects.list(prefix, marker)) {
    const rest = o.key.slice(prefix.length);
    const cut = delimiter ? rest.indexOf(delimiter) : -1;
    const folder =
      cut >= 0 ? prefix + rest.slice(0, cut + delimiter.length) : undefined;
    if (folder && folder === folders[folders.length - 1]) continue;
    if (folder && marker.startsWith(folder)) continue;
    if (contents.length + folders.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (folder) {
      folders.push(folder);
      last = folder;
    } else {
      contents.push(o);
      last = o.key;
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult><Name>${xmlText(bucket.name)}</Name><Prefix>${xmlText(prefix)}</Prefix><Marker>${xmlText(marker)}</Marker><MaxKeys>${maxKeys}</MaxKeys><Delimiter>${xmlText(delimiter)}</Delimiter><IsTruncated>${truncated}</IsTruncated>${
    truncated ? `<NextMarker>${xmlText(last)}</NextMarker>` : ""
  }${contents
    .map(
      (o) =>
        `<Contents><Key>${xmlText(o.key)}</Key><LastModified>${o.lastModified}</LastModified><ETag>"${createHash("md5").update(o.key).digest("hex").toUpperCase()}"</ETag><Type>Normal</Type><Size>${o.size}</Size><StorageClass>Standard</StorageClass><Owner><ID>1234567890</ID><DisplayName>1234567890</DisplayName></Owner></Contents>`,
    )
    .join("")}${folders
    .map(
      (f) => `<CommonPrefixes><Prefix>${xmlText(f)}</Prefix></CommonPrefixes>`,
    )
    .join("")}</ListBucketResult>`;
}

export function startOssStandIn(
  options: OssStandInOptions,
): Promise<RunningOssStandIn> {
  const clock = options.clock ?? Date.now;
  const cap = options.maxKeysCap ?? 1000;
  const received: OssReceived[] = [];

  async function handle(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    const url = new URL(request.url ?? "/", "http://oss-stand-in.invalid");
    const host = String(request.headers.host ?? "");
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = value;
    const record: OssReceived = {
      method: request.method ?? "GET",
      host,
      path: url.pathname,
      query,
      headers: request.headers,
    };
    received.push(record);
    const bucketName = /^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.oss-/.exec(
      host,
    )?.[1];
    const key = decodeURIComponent(url.pathname.slice(1));
    try {
      if (request.method !== "GET")
        throw new OssRefusal(
          405,
          "MethodNotAllowed",
          "The stand-in is read-only.",
        );
      const bucket = options.buckets.find((b) => b.name === bucketName);
      verifyOssRequest(
        {
          method: "GET",
          resource: bucketName ? `/${bucketName}/${key}` : "/",
          query,
          headers: request.headers,
        },
        options.keys,
        bucket?.region,
        clock(),
      );
      if (!bucketName)
        return xml(response, 200, listBucketsXml(options.buckets));
      if (!bucket)
        throw new OssRefusal(
          404,
          "NoSuchBucket",
          "The specified bucket does not exist.",
        );
      if (key === "" && "acl" in query)
        return xml(response, 200, aclXml(bucket));
      if (key === "")
        return xml(response, 200, listObjectsXml(bucket, query, cap));
      const object = bucket.objects.get(key);
      if (!object)
        throw new OssRefusal(
          404,
          "NoSuchKey",
          "The specified key does not exist.",
        );
      const body = object.body();
      response.writeHead(200, {
        "Content-Type": "application/gzip",
        "Content-Length": String(object.size),
        "Last-Modified": new Date(object.lastModified).toUTCString(),
        "x-oss-request-id": randomUUID().toUpperCase(),
      });
      if (Buffer.isBuffer(body)) response.end(body);
      else await pipeline(body, response);
    } catch (error) {
      if (!(error instanceof OssRefusal)) {
        response.destroy();
        return;
      }
      record.refused = error.code;
      xml(
        response,
        error.status,
        `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>${error.code}</Code><Message>${xmlText(error.message)}</Message><RequestId>${randomUUID().toUpperCase()}</RequestId><HostId>${xmlText(host)}</HostId></Error>`,
      );
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        port,
        endpoint: `http://127.0.0.1:${port}`,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function xml(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(text, "utf8");
  response.writeHead(status, {
    "Content-Type": "application/xml",
    "Content-Length": String(body.length),
    "x-oss-request-id": randomUUID().toUpperCase(),
  });
  response.end(body);
}

/** A readable of `size` bytes made on demand (a large object never held whole). */
export function generatedBody(size: number, chunk = 64 * 1024): () => Readable {
  return () => {
    let sent = 0;
    return new Readable({
      read() {
        if (sent >= size) {
          this.push(null);
          return;
        }
        const n = Math.min(chunk, size - sent);
        sent += n;
        this.push(Buffer.alloc(n, 0x61));
      },
    });
  };
}
