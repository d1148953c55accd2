import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Authenticator, loginStylesheet, safeNextPath } from "./auth";
import { FailureLimiter } from "./auth-throttle";
import { ALERTS_PREFIX, handleAlerts } from "./alerts/routes";
import {
  createAlertService,
  type AlertService,
  type AlertServiceOverrides,
} from "./alerts/service";
import { handleApi } from "./api-route";
import type { GatewayConfig } from "./config";
import { admit, type Exchange, type GatewayContext } from "./context";
import type { CredentialSource } from "./credentials";
import { envelope, newRequestId } from "./envelope";
import type { Logger } from "./logger";
import { allowedHosts, hostAllowed } from "./origin";
import { createReplies } from "./replies";
import { securityHeaders } from "./security-headers";
import { handleLogin, handleLogout } from "./sign-in";
import { serveStatic } from "./static-files";
import { tokenWeakness } from "./token-strength";
import { UpstreamSlots } from "./upstream-slots";

export type { WhoAmI } from "./api-route";

/**
 * Trailscope's live-mode gateway: serves the built console and answers
 * `/api/<RegionId>/?Action=…` by signing the same RPC request with the
 * gateway's AccessKey and forwarding it to ActionTrail, streaming the answer
 * (success or error envelope, HTTP status, RequestId) back unchanged.
 * The jobs live in their own modules: sign-in (./sign-in.ts), the API
 * (./api-route.ts, ./api-request.ts), files (./static-files.ts).
 */
export interface GatewayDeps {
  credentials: CredentialSource;
  logger: Logger;
  /** Replacements for the alert scheduler's clock, DNS, reader (tests, the live journey). */
  alerts?: AlertServiceOverrides;
}

export interface RunningGateway {
  server: Server;
  url: string;
  port: number;
  /** Replaces the access token: every session signed in before ends. */
  rotateToken(token: string): void;
  /** The alert rules the gateway runs; undefined without GATEWAY_ALERTS_STORE. */
  alerts: AlertService | undefined;
  close(): Promise<void>;
}

export interface Gateway {
  server: Server;
  rotateToken: (token: string) => void;
  alerts: AlertService | undefined;
}

export function createGateway(
  config: GatewayConfig,
  deps: GatewayDeps,
): Gateway {
  const { logger } = deps;
  const baseHeaders = securityHeaders({ https: config.secureTransport });
  let hosts = allowedHosts(config, config.port);
  const auth = new Authenticator(config);
  const ctx: GatewayContext = {
    config,
    logger,
    credentials: deps.credentials,
    auth,
    limiter: new FailureLimiter(),
    slots: new UpstreamSlots(
      config.maxUpstreamCalls,
      config.maxUpstreamCallsPerSession,
    ),
    replies: createReplies(baseHeaders),
    baseHeaders,
    hosts: () => hosts,
  };
  if (config.auth.kind === "token") logger.redact(config.auth.token);
  let origin = config.publicOrigin;
  const alerts = createAlertService(
    config,
    { credentials: deps.credentials, logger, origin: () => origin },
    deps.alerts,
  );

  const server = createServer(
    {
      // How often Node looks for requests past headersTimeout/requestTimeout.
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1_000, Math.floor(config.requestTimeoutMs / 3)),
      ),
    },
    (request, response) => {
      handle(ctx, request, response, alerts).catch((error: unknown) => {
        logger.log("error", "unhandled", {
          error: error instanceof Error ? error.message : String(error),
        });
        if (!response.headersSent)
          ctx.replies.error(
            response,
            newRequestId(),
            "Internal",
            "The gateway failed to answer this request.",
          );
        else response.destroy();
      });
    },
  );
  // The gateway's own body timer (config.requestTimeoutMs) answers 408 first;
  // Node's limit is a backstop a little later.
  server.requestTimeout = config.requestTimeoutMs + 5_000;
  server.headersTimeout = Math.min(config.requestTimeoutMs, 10_000);
  server.on("clientError", answerClientError);
  server.on("listening", () => {
    const address = server.address() as AddressInfo | null;
    if (address) hosts = allowedHosts(config, address.port);
    if (address && !config.publicOrigin)
      origin = `http://127.0.0.1:${address.port}`;
  });
  return {
    server,
    alerts,
    rotateToken(token) {
      const weakness = tokenWeakness(token);
      if (weakness) throw new Error(`The new token is too weak: ${weakness}.`);
      auth.rotateToken(token);
      logger.redact(token);
      logger.log("info", "access token rotated: every session ended");
    },
  };
}

async function handle(
  ctx: GatewayContext,
  request: IncomingMessage,
  response: ServerResponse,
  alerts: AlertService | undefined,
): Promise<void> {
  const started = Date.now();
  const requestId = newRequestId();
  const method = request.method ?? "GET";
  const raw = request.url ?? "/";
  const entry: Record<string, unknown> = { requestId, method };
  response.on("finish", () => {
    const status = response.statusCode;
    ctx.logger.log(
      status >= 500 ? "error" : status >= 400 ? "warn" : "info",
      "request",
      { ...entry, status, ms: Date.now() - started },
    );
  });
  // Only origin-form targets (`/path?query`): `//host…`, `*` and absolute
  // URLs are client errors, as is anything URL cannot parse.
  let url: URL | undefined;
  try {
    if (raw.startsWith("/") && !raw.startsWith("//"))
      url = new URL(`http://gateway.invalid${raw}`);
  } catch {
    url = undefined;
  }
  if (!url) {
    entry.refused = "unparsable-url";
    ctx.replies.error(
      response,
      requestId,
      "InvalidRequest",
      "That request target is not a path.",
    );
    return;
  }
  const path = url.pathname;
  entry.path = path.slice(0, 200);
  const exchange: Exchange = { request, response, url, requestId, entry };

  if (!hostAllowed(request, ctx.hosts())) {
    entry.refused = "host";
    ctx.replies.error(
      response,
      requestId,
      "HostNotAllowed",
      "This gateway does not answer to that host name.",
    );
    return;
  }
  if (path === "/_gateway/health") {
    ctx.replies.json(response, 200, { status: "ok" });
    return;
  }
  if (path === "/_gateway/login.css") {
    response.writeHead(200, {
      ...ctx.baseHeaders,
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "no-cache",
    });
    response.end(loginStylesheet);
    return;
  }
  if (path === "/_gateway/login") return handleLogin(ctx, exchange);
  if (path === "/_gateway/logout") return handleLogout(ctx, exchange);
  if (path.startsWith(ALERTS_PREFIX))
    return handleAlerts(ctx, exchange, alerts);
  if (path === "/api" || path.startsWith("/api/"))
    return handleApi(ctx, exchange);
  return handleConsole(ctx, exchange);
}

/** The console's own files, for signed-in people; others go to the sign-in form. */
async function handleConsole(
  ctx: GatewayContext,
  exchange: Exchange,
): Promise<void> {
  const { request, response, url, requestId, entry } = exchange;
  if (request.method !== "GET" && request.method !== "HEAD") {
    ctx.replies.error(
      response,
      requestId,
      "MethodNotAllowed",
      "Only GET and HEAD are served here.",
    );
    return;
  }
  const admission = admit(ctx, exchange);
  if (!admission.ok) {
    if (admission.why === "limited") {
      ctx.replies.error(
        response,
        requestId,
        "TooManySignIns",
        `Too many wrong tokens from your address. Retry after ${admission.retryAfterS} s.`,
        { "Retry-After": String(admission.retryAfterS) },
      );
      return;
    }
    entry.refused ??= "unauthenticated";
    ctx.replies.redirect(
      response,
      `/_gateway/login?next=${encodeURIComponent(safeNextPath(url.pathname + url.search))}`,
    );
    return;
  }
  await serveStatic(
    ctx.config.staticDir,
    request,
    response,
    url.pathname,
    ctx.baseHeaders,
    { sourcemaps: ctx.config.serveSourcemaps },
  );
}

/**
 * Requests Node could not parse or that came too slowly (headers past
 * headersTimeout) are answered in the envelope too, then the connection
 * closes.
 */
function answerClientError(error: Error, socket: Socket): void {
  const code = (error as { code?: string }).code ?? "";
  if (code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? 408
      : code === "HPE_HEADER_OVERFLOW"
        ? 431
        : 400;
  const body = JSON.stringify(
    envelope(
      newRequestId(),
      status === 408
        ? "Gateway.RequestTimeout"
        : status === 431
          ? "Gateway.HeadersTooLarge"
          : "Gateway.InvalidRequest",
      status === 408
        ? "The request did not arrive in time."
        : "The request could not be read.",
    ),
  );
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Starts a gateway and resolves once it listens. */
export function startGateway(
  config: GatewayConfig,
  deps: GatewayDeps,
): Promise<RunningGateway> {
  const gateway = createGateway(config, deps);
  const { server } = gateway;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      gateway.alerts?.start();
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(":") ? `[${config.host}]` : config.host;
      resolve({
        server,
        port,
        url: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${port}`,
        rotateToken: (token) => gateway.rotateToken(token),
        alerts: gateway.alerts,
        close: async () => {
          await new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          });
          await gateway.alerts?.stop();
        },
      });
    });
  });
}
