import type { Identity } from "../auth";
import type { Exchange, GatewayContext } from "../context";
import { UpstreamError } from "../forward";
import { actionTrailReader, type TrailDelivery } from "../oss/actiontrail-read";
import { ArchiveError } from "../oss/archive-error";
import { asArchiveError } from "../oss/archive-failure";
import { gatewayCredentials } from "../oss/archive-route";
import { lookUpTrail } from "../oss/trail-cache";
import { answerTrailRead, trailOfPath } from "../oss/trail-read";
import { readLogQuery } from "./log-query";
import {
  sdkLogReader,
  slsFailure,
  type LogPlace,
  type LogReader,
} from "./sls-reader";

/**
 * The gateway's query window on trails' logstores in Log Service, answering
 * what the simulated account answers in mock mode (mocks/handlers/log-service.ts):
 *   GET /api/_sls/<HomeRegion>/<Trail>/query?query=…&from=…&to=…&offset=…&line=…
 * The trail is looked up in ActionTrail (DescribeTrails, cached a minute) with
 * the gateway's own credentials, so only the logstore a trail of the account
 * delivers to (its SlsProjectArn, logstore `actiontrail_<trail>`) is read,
 * and only with GetLogsV2, a query. One page of results per call (offset,
 * line ≤ GATEWAY_SLS_MAX_LINES). Sign-in, same-origin checks, the answer
 * size limit and the per-session upstream slots are the proxy's own; the
 * log entry names the trail and counts, never the query text.
 */
const SLS_PATH = /^\/api\/_sls\/([^/]+)\/([^/]+)\/query$/;
const PROJECT_ARN =
  /^acs:log:([a-z0-9-]+):\d*:project\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])$/;

export const isSlsPath = (path: string): boolean =>
  path.startsWith("/api/_sls/");

/** Where a trail's events are in Log Service, or why it has none. */
export function logPlaceOf(trail: TrailDelivery): LogPlace | undefined {
  const match = PROJECT_ARN.exec(trail.slsProjectArn);
  if (!match || !trail.slsWriteRoleArn) return undefined;
  return {
    region: match[1] ?? "",
    project: match[2] ?? "",
    logstore: `actiontrail_${trail.name}`,
  };
}

/** Answers a Log Service route; the caller has signed the person in. */
export function handleSls(
  ctx: GatewayContext,
  exchange: Exchange,
  identity: Identity,
  reader?: LogReader,
): Promise<void> {
  exchange.entry.action = "GetLogs";
  return answerTrailRead(
    ctx,
    exchange,
    identity,
    (error) => asSlsError(error, ctx.config.upstreamTimeoutMs),
    () => {
      if (exchange.request.method !== "GET")
        throw new ArchiveError(
          405,
          "Gateway.MethodNotAllowed",
          "Queries are sent with GET.",
        );
      const match = SLS_PATH.exec(exchange.url.pathname);
      if (!match)
        throw new ArchiveError(
          404,
          "Gateway.NotFound",
          "Call /api/_sls/<HomeRegion>/<Trail>/query.",
        );
      const { region, name } = trailOfPath(match);
      exchange.entry.region = region;
      const query = readLogQuery(
        exchange.url.searchParams,
        ctx.config.sls.maxLines,
      );
      if (!query.ok)
        throw new ArchiveError(400, "InvalidParameter", query.message);
      return () =>
        answerQuery(ctx, exchange, region, name, query.value, reader);
    },
  );
}

async function answerQuery(
  ctx: GatewayContext,
  exchange: Exchange,
  region: string,
  name: string,
  query: Parameters<LogReader["getLogs"]>[1],
  reader: LogReader | undefined,
): Promise<void> {
  const { config } = ctx;
  const { entry } = exchange;
  const credentials = gatewayCredentials(ctx, exchange);
  const aborted = new AbortController();
  exchange.response.on("close", () => {
    if (!exchange.response.writableFinished) aborted.abort();
  });
  const actionTrail = actionTrailReader({
    endpointTemplate: config.endpointTemplate,
    timeoutMs: config.upstreamTimeoutMs,
    maxBytes: config.maxResponseBytes,
    credentials,
    signal: aborted.signal,
  });
  const trail = await lookUpTrail(ctx, region, name, () =>
    actionTrail.trail(region, name),
  );
  if (!trail)
    throw new ArchiveError(
      404,
      "TrailNotFoundException",
      `The trail "${name}" does not exist in ${region}.`,
    );
  entry.trail = trail.name;
  const place = logPlaceOf(trail);
  if (!place)
    throw new ArchiveError(
      400,
      "InvalidParameter",
      `The trail "${trail.name}" does not deliver to Log Service.`,
    );
  const logs =
    reader ?? sdkLogReader(config.sls, credentials, config.upstreamTimeoutMs);
  const started = Date.now();
  let page;
  try {
    page = await logs.getLogs(place, query);
  } catch (error) {
    entry.upstreamMs = Date.now() - started;
    throw error;
  }
  entry.upstreamMs = Date.now() - started;
  entry.upstreamRequestId = page.requestId;
  entry.rows = page.data.length;
  const body = JSON.stringify({
    RequestId: exchange.requestId,
    Project: place.project,
    Logstore: place.logstore,
    Meta: page.meta,
    Data: page.data,
  });
  if (Buffer.byteLength(body) > config.maxResponseBytes)
    throw new ArchiveError(
      502,
      "Gateway.ResponseTooLarge",
      "Log Service's answer was larger than the gateway passes on: ask for fewer rows.",
    );
  exchange.response.writeHead(200, {
    ...ctx.baseHeaders,
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  exchange.response.end(body);
}

/** Any failure as the envelope's status, code and message. */
function asSlsError(error: unknown, timeoutMs: number): ArchiveError {
  if (error instanceof ArchiveError || error instanceof UpstreamError)
    return asArchiveError(error, timeoutMs);
  const failure = slsFailure(error);
  if (failure.status && failure.code)
    return new ArchiveError(
      failure.status >= 500 ? 502 : failure.status,
      failure.code,
      failure.message.slice(0, 2000) ||
        `Log Service answered HTTP ${failure.status}.`,
    );
  if (/timeout/i.test(`${failure.code ?? ""} ${failure.message}`))
    return new ArchiveError(
      504,
      "GatewayTimeout",
      `Log Service did not answer within ${Math.round(timeoutMs / 1000)} s. Try again.`,
    );
  return new ArchiveError(
    502,
    "Gateway.UpstreamUnreachable",
    "The gateway could not reach Log Service.",
  );
}
