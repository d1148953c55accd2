import { pipeline } from "node:stream/promises";
import type { Identity } from "../auth";
import type { Exchange, GatewayContext } from "../context";
import { byteLimit, UpstreamError } from "../forward";
import type { SigningCredentials } from "../signature";
import { actionTrailReader, type TrailDelivery } from "./actiontrail-read";
import { ArchiveError } from "./archive-error";
import { checkArchiveKey, listingDays } from "./archive-keys";
import { listArchive } from "./list-archive";
import { listAccountBuckets } from "./list-buckets";
import { asArchiveError } from "./archive-failure";
import { aliOssReader, type OssReader } from "./oss-reader";
import { lookUpTrail } from "./trail-cache";
import { answerTrailRead, trailOfPath } from "./trail-read";

/**
 * The gateway's read-only window on trails' archives in OSS, answering what
 * the simulated account answers in mock mode (mocks/handlers/archive.ts):
 *   GET /api/_archive/<HomeRegion>/<Trail>/files?from=<day>&to=<day>
 *   GET /api/_archive/<HomeRegion>/<Trail>/object?key=<key>
 *   GET /api/_oss/buckets
 * The trail is looked up in ActionTrail (DescribeTrails) with the gateway's
 * own credentials each time, so only trails the account has are read and
 * only under their delivery prefix. Objects are piped to the browser as they
 * arrive, never held whole, and refused past GATEWAY_MAX_ARCHIVE_OBJECT_BYTES.
 * Sign-in, same-origin checks and the per-session upstream slots are the
 * proxy's own; the log entry names the route, never the query.
 */
const ARCHIVE_PATH = /^\/api\/_archive\/([^/]+)\/([^/]+)\/(files|object)$/;

export const isArchivePath = (path: string): boolean =>
  path.startsWith("/api/_archive/") || path.startsWith("/api/_oss/");

/** Answers an archive route; the caller has signed the person in. */
export function handleArchive(
  ctx: GatewayContext,
  exchange: Exchange,
  identity: Identity,
): Promise<void> {
  return answerTrailRead(
    ctx,
    exchange,
    identity,
    (error) => asArchiveError(error, ctx.config.upstreamTimeoutMs),
    () => {
      const route = routeOf(exchange);
      exchange.entry.action = route.action;
      return () => route.answer(archiveSession(ctx, exchange));
    },
  );
}

/** What one archive request works with. */
interface ArchiveSession {
  ctx: GatewayContext;
  exchange: Exchange;
  oss: OssReader;
  trail(region: string, name: string): Promise<TrailDelivery>;
  allTrails(): Promise<TrailDelivery[]>;
}

function archiveSession(
  ctx: GatewayContext,
  exchange: Exchange,
): ArchiveSession {
  const { config } = ctx;
  const aborted = new AbortController();
  exchange.response.on("close", () => {
    if (!exchange.response.writableFinished) aborted.abort();
  });
  const credentials = gatewayCredentials(ctx, exchange);
  const actionTrail = actionTrailReader({
    endpointTemplate: config.endpointTemplate,
    timeoutMs: config.upstreamTimeoutMs,
    maxBytes: config.maxResponseBytes,
    credentials,
    signal: aborted.signal,
  });
  return {
    ctx,
    exchange,
    oss: aliOssReader(config.oss, credentials, config.upstreamTimeoutMs),
    async trail(region, name) {
      const trail = await lookUpTrail(ctx, region, name, () =>
        actionTrail.trail(region, name),
      );
      if (!trail)
        throw new ArchiveError(
          404,
          "TrailNotFoundException",
          `The trail "${name}" does not exist in ${region}.`,
        );
      exchange.entry.trail = trail.name;
      if (!trail.ossBucketName)
        throw new ArchiveError(
          400,
          "InvalidParameter",
          `The trail "${trail.name}" does not deliver to OSS.`,
        );
      return trail;
    },
    allTrails: () => actionTrail.allTrails(),
  };
}

/**
 * The gateway's own credentials for its reads (ActionTrail, OSS, Log
 * Service), their secrets redacted from the log; a failure is logged and
 * answered as Gateway.CredentialsUnavailable.
 */
export function gatewayCredentials(
  ctx: GatewayContext,
  exchange: Exchange,
): () => Promise<SigningCredentials> {
  const { logger } = ctx;
  return async (): Promise<SigningCredentials> => {
    try {
      const key = await ctx.credentials.get();
      logger.redact(key.accessKeySecret);
      logger.redact(key.securityToken);
      return key;
    } catch (error) {
      logger.log("error", "credentials unavailable", {
        requestId: exchange.requestId,
        source: ctx.credentials.describe(),
        error: error instanceof Error ? error.message.slice(0, 500) : "unknown",
      });
      throw new ArchiveError(
        500,
        "Gateway.CredentialsUnavailable",
        "The gateway has no Alibaba Cloud credentials to sign with. Its operator should check its environment.",
      );
    }
  };
}

interface Route {
  action: string;
  answer(session: ArchiveSession): Promise<void>;
}

function routeOf(exchange: Exchange): Route {
  const { request, url } = exchange;
  if (request.method !== "GET")
    throw new ArchiveError(
      405,
      "Gateway.MethodNotAllowed",
      "The archive is read with GET.",
    );
  if (url.pathname === "/api/_oss/buckets")
    return { action: "ListBuckets", answer: answerBuckets };
  const match = ARCHIVE_PATH.exec(url.pathname);
  if (!match)
    throw new ArchiveError(
      404,
      "Gateway.NotFound",
      "Call /api/_archive/<HomeRegion>/<Trail>/files or /object, or /api/_oss/buckets.",
    );
  const { region, name } = trailOfPath(match);
  exchange.entry.region = region;
  return match[3] === "files"
    ? {
        action: "ListTrailArchive",
        answer: (s) => answerFiles(s, region, name),
      }
    : {
        action: "GetTrailArchiveObject",
        answer: (s) => answerObject(s, region, name),
      };
}

async function answerFiles(
  session: ArchiveSession,
  region: string,
  name: string,
): Promise<void> {
  const { ctx, exchange } = session;
  const query = exchange.url.searchParams;
  const range = listingDays(query.get("from") ?? "", query.get("to") ?? "");
  if (!range.ok) throw new ArchiveError(400, range.code, range.message);
  const trail = await session.trail(region, name);
  const files = await listArchive(
    session.oss,
    {
      bucket: trail.ossBucketName,
      region: trail.ossBucketLocation || trail.homeRegion,
    },
    trail.ossKeyPrefix,
    range.days,
    ctx.config.oss.maxListedFiles,
  );
  exchange.entry.files = files.length;
  ctx.replies.json(exchange.response, 200, {
    RequestId: exchange.requestId,
    Bucket: trail.ossBucketName,
    Prefix: trail.ossKeyPrefix,
    Files: files.map((f) => ({
      Key: f.key,
      Size: f.size,
      LastModified: isoTime(f.lastModified),
    })),
  });
}

async function answerObject(
  session: ArchiveSession,
  region: string,
  name: string,
): Promise<void> {
  const { ctx, exchange } = session;
  const { response, entry } = exchange;
  const key = exchange.url.searchParams.get("key") ?? "";
  const trail = await session.trail(region, name);
  const verdict = checkArchiveKey(key, trail.ossKeyPrefix);
  if (!verdict.ok) {
    entry.refused = "key-outside-prefix";
    throw new ArchiveError(403, "AccessDenied", verdict.reason);
  }
  const max = ctx.config.oss.maxObjectBytes;
  const opened = await session.oss.open(
    {
      bucket: trail.ossBucketName,
      region: trail.ossBucketLocation || trail.homeRegion,
    },
    key,
  );
  if (opened.length !== undefined && opened.length > max) {
    opened.stream.destroy();
    entry.objectBytes = opened.length;
    throw new ArchiveError(
      502,
      "Gateway.ResponseTooLarge",
      `The file is ${opened.length} bytes, more than the ${max} bytes this gateway passes on.`,
    );
  }
  response.writeHead(200, {
    ...ctx.baseHeaders,
    "Content-Type": "application/gzip",
    ...(opened.length !== undefined
      ? { "Content-Length": String(opened.length) }
      : {}),
    "Cache-Control": "no-store",
  });
  const timer = setTimeout(
    () =>
      opened.stream.destroy(
        new UpstreamError("timeout", "the object did not arrive in time"),
      ),
    ctx.config.upstreamTimeoutMs,
  );
  try {
    await pipeline(
      opened.stream,
      byteLimit(max, () => {}),
      response,
    );
    entry.objectBytes = opened.length;
  } finally {
    clearTimeout(timer);
  }
}

async function answerBuckets(session: ArchiveSession): Promise<void> {
  const { ctx, exchange } = session;
  const buckets = await listAccountBuckets(
    session.oss,
    () => session.allTrails(),
    (error) =>
      ctx.logger.log("warn", "bucket list without trails", {
        requestId: exchange.requestId,
        error: error instanceof Error ? error.message.slice(0, 300) : "unknown",
      }),
  );
  exchange.entry.buckets = buckets.length;
  ctx.replies.json(exchange.response, 200, {
    RequestId: exchange.requestId,
    Buckets: buckets,
  });
}

const isoTime = (text: string): string => {
  const at = Date.parse(text);
  return Number.isNaN(at) ? text : new Date(at).toISOString();
};
