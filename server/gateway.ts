import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { ACTIONS, API_VERSION, isWriteAction } from "../src/api/operations";
import {
  Authenticator,
  LoginThrottle,
  loginPage,
  loginStylesheet,
  safeNextPath,
  type Identity,
} from "./auth";
import type { GatewayConfig } from "./config";
import type { CredentialSource } from "./credentials";
import {
  envelope,
  GATEWAY_ERRORS,
  newRequestId,
  type GatewayErrorName,
} from "./envelope";
import { sendUpstream, UpstreamError } from "./forward";
import type { Logger } from "./logger";
import { allowedHosts, checkSameOrigin, hostAllowed } from "./origin";
import { securityHeaders } from "./security-headers";
import { signRequestParams, toQueryString } from "./signature";
import { serveStatic } from "./static-files";

/**
 * Trailscope's live-mode gateway: serves the built console and answers
 * `/api/<RegionId>/?Action=…` by signing the same RPC request with the
 * gateway's AccessKey and forwarding it to ActionTrail, passing the answer
 * (success or error envelope, HTTP status, RequestId) back unchanged.
 */

export interface GatewayDeps {
  credentials: CredentialSource;
  logger: Logger;
}

/** What `/api/_whoami` answers: the console's header shows it in live mode. */
export interface WhoAmI {
  mode: "live";
  /** GATEWAY_ACCOUNT_LABEL, "" when not configured. */
  accountLabel: string;
  /** GATEWAY_READ_ONLY: every write is refused with NoPermission. */
  readOnly: boolean;
  /** The signed-in person: the proxy's user, "token", or "local" without auth. */
  user: string;
  authMethod: Identity["method"];
  /** POST here (a same-origin form) to sign out; null when there is no session to end. */
  signOutPath: string | null;
}

export interface RunningGateway {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);
const REGION = /^[a-z]{2,12}(?:-[a-z0-9]{1,20}){1,4}$/;
const API_PATH = /^\/api\/([^/]+)\/$/;
const MAX_PARAMS = 200;

class Refusal extends Error {
  constructor(
    readonly kind: GatewayErrorName,
    message: string,
  ) {
    super(message);
  }
}

export function createGateway(
  config: GatewayConfig,
  deps: GatewayDeps,
): Server {
  const { logger, credentials } = deps;
  const auth = new Authenticator(config);
  const throttle = new LoginThrottle();
  const https = config.publicOrigin?.startsWith("https:") ?? false;
  const baseHeaders = securityHeaders({ https });
  let hosts = allowedHosts(config, config.port);
  if (config.auth.kind === "token") logger.redact(config.auth.token);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.log("error", "unhandled", {
        error: error instanceof Error ? error.message : String(error),
      });
      if (!response.headersSent)
        sendError(
          response,
          newRequestId(),
          "Internal",
          "The gateway failed to answer this request.",
        );
      else response.destroy();
    });
  });
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.requestTimeoutMs, 10_000);
  server.on("listening", () => {
    const address = server.address() as AddressInfo | null;
    if (address) hosts = allowedHosts(config, address.port);
  });

  function sendJson(
    response: ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {},
  ) {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...baseHeaders,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(text)),
      "Cache-Control": "no-store",
      ...extra,
    });
    response.end(text);
  }

  function sendError(
    response: ServerResponse,
    requestId: string,
    kind: GatewayErrorName,
    message: string,
  ) {
    const { code, status } = GATEWAY_ERRORS[kind];
    sendJson(response, status, envelope(requestId, code, message));
  }

  function sendHtml(
    response: ServerResponse,
    status: number,
    html: string,
    extra: Record<string, string> = {},
  ) {
    response.writeHead(status, {
      ...baseHeaders,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(html)),
      "Cache-Control": "no-store",
      ...extra,
    });
    response.end(html);
  }

  function redirect(
    response: ServerResponse,
    location: string,
    extra: Record<string, string> = {},
  ) {
    response.writeHead(303, {
      ...baseHeaders,
      Location: location,
      "Cache-Control": "no-store",
      ...extra,
    });
    response.end();
  }

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const started = Date.now();
    const requestId = newRequestId();
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://gateway.invalid");
    const path = url.pathname;
    const entry: Record<string, unknown> = {
      requestId,
      method,
      path: path.slice(0, 200),
    };
    response.on("finish", () => {
      logger.log(
        response.statusCode >= 500
          ? "error"
          : response.statusCode >= 400
            ? "warn"
            : "info",
        "request",
        {
          ...entry,
          status: response.statusCode,
          ms: Date.now() - started,
        },
      );
    });

    if (!hostAllowed(request, hosts)) {
      entry.refused = "host";
      sendError(
        response,
        requestId,
        "HostNotAllowed",
        "This gateway does not answer to that host name.",
      );
      return;
    }

    if (path === "/_gateway/health") {
      sendJson(response, 200, { status: "ok" });
      return;
    }
    if (path === "/_gateway/login.css") {
      response.writeHead(200, {
        ...baseHeaders,
        "Content-Type": "text/css; charset=utf-8",
        "Cache-Control": "no-cache",
      });
      response.end(loginStylesheet);
      return;
    }
    if (path === "/_gateway/login") {
      await handleLogin(request, response, url, entry);
      return;
    }
    if (path === "/_gateway/logout") {
      if (method !== "POST") {
        sendError(
          response,
          requestId,
          "MethodNotAllowed",
          "Sign out with POST.",
        );
        return;
      }
      const verdict = checkSameOrigin(request, config, { write: true });
      if (!verdict.ok) {
        entry.refused = "cross-site";
        sendError(
          response,
          requestId,
          "CrossSiteRequest",
          "Cross-site requests are refused.",
        );
        return;
      }
      redirect(response, "/_gateway/login", {
        "Set-Cookie": auth.clearCookie(),
      });
      return;
    }

    if (path === "/api" || path.startsWith("/api/")) {
      await handleApi(request, response, url, requestId, entry);
      return;
    }

    // The console itself.
    if (method !== "GET" && method !== "HEAD") {
      sendError(
        response,
        requestId,
        "MethodNotAllowed",
        "Only GET and HEAD are served here.",
      );
      return;
    }
    const identity = auth.identify(request);
    if (!identity) {
      entry.refused = "unauthenticated";
      redirect(
        response,
        `/_gateway/login?next=${encodeURIComponent(safeNextPath(path + url.search))}`,
      );
      return;
    }
    entry.user = identity.user;
    await serveStatic(config.staticDir, request, response, path, baseHeaders);
  }

  async function handleLogin(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    entry: Record<string, unknown>,
  ): Promise<void> {
    const method = request.method ?? "GET";
    if (method === "GET" || method === "HEAD") {
      const next = safeNextPath(url.searchParams.get("next"));
      if (auth.identify(request)) {
        redirect(response, next);
        return;
      }
      sendHtml(
        response,
        200,
        loginPage({ next, accountLabel: config.accountLabel }),
      );
      return;
    }
    if (method !== "POST") {
      sendError(
        response,
        String(entry.requestId),
        "MethodNotAllowed",
        "Sign in with the form.",
      );
      return;
    }
    const verdict = checkSameOrigin(request, config, { write: true });
    if (!verdict.ok) {
      entry.refused = "cross-site";
      sendError(
        response,
        String(entry.requestId),
        "CrossSiteRequest",
        "Cross-site sign-in is refused.",
      );
      return;
    }
    const address = request.socket.remoteAddress ?? "";
    if (throttle.blocked(address)) {
      entry.refused = "throttled";
      sendHtml(
        response,
        429,
        loginPage({
          next: "/",
          error: "Too many wrong tokens. Wait a few minutes and try again.",
          accountLabel: config.accountLabel,
        }),
      );
      return;
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(
        (await readBody(request, 4096)).toString("utf8"),
      );
    } catch (error) {
      const refusal =
        error instanceof Refusal
          ? error
          : new Refusal("InvalidRequest", "Unreadable form.");
      sendError(
        response,
        String(entry.requestId),
        refusal.kind,
        refusal.message,
      );
      return;
    }
    const next = safeNextPath(form.get("next"));
    if (
      config.auth.kind !== "token" ||
      !auth.checkToken(form.get("token") ?? "")
    ) {
      throttle.fail(address);
      entry.refused = "wrong-token";
      sendHtml(
        response,
        401,
        loginPage({
          next,
          error: "That access token is not right.",
          accountLabel: config.accountLabel,
        }),
      );
      return;
    }
    throttle.succeed(address);
    const cookie = auth.sessionCookie("token");
    logger.redact(cookie.value);
    entry.user = "token";
    redirect(response, next, { "Set-Cookie": cookie.header });
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    requestId: string,
    entry: Record<string, unknown>,
  ): Promise<void> {
    const method = request.method ?? "GET";
    try {
      const identity = auth.identify(request);
      if (!identity)
        throw new Refusal(
          "Unauthenticated",
          "Sign in to the Trailscope gateway first (reload the page to reach the sign-in form).",
        );
      entry.user = identity.user;

      if (url.pathname === "/api/_whoami") {
        const verdict = checkSameOrigin(request, config, { write: false });
        if (!verdict.ok)
          throw new Refusal(
            "CrossSiteRequest",
            "Cross-site requests are refused.",
          );
        const body: WhoAmI = {
          mode: "live",
          accountLabel: config.accountLabel,
          readOnly: config.readOnly,
          user: identity.user,
          authMethod: identity.method,
          signOutPath: identity.method === "cookie" ? "/_gateway/logout" : null,
        };
        sendJson(response, 200, body);
        return;
      }

      const match = API_PATH.exec(url.pathname);
      if (!match)
        throw new Refusal("NotFound", "Call /api/<RegionId>/?Action=…");
      let region: string;
      try {
        region = decodeURIComponent(match[1]!);
      } catch {
        region = "";
      }
      if (!REGION.test(region))
        throw new Refusal(
          "InvalidRegion",
          "That is not a region ID (e.g. cn-hangzhou).",
        );
      entry.region = region;
      if (method !== "GET" && method !== "POST")
        throw new Refusal(
          "MethodNotAllowed",
          "ActionTrail is called with GET or POST.",
        );

      const params = collectParams(url.searchParams);
      if (method === "POST") {
        const body = await readBody(request, config.maxBodyBytes);
        if (body.length > 0) {
          const type = (request.headers["content-type"] ?? "")
            .split(";")[0]!
            .trim()
            .toLowerCase();
          if (type !== "application/x-www-form-urlencoded")
            throw new Refusal(
              "UnsupportedMediaType",
              "Send parameters in the query string or as a form.",
            );
          mergeParams(params, new URLSearchParams(body.toString("utf8")));
        }
      }

      const action = params.Action;
      if (!action)
        throw new Refusal(
          "MissingAction",
          "Action is mandatory for this request.",
        );
      entry.action = action.slice(0, 64);
      const write = isWriteAction(action);
      const origin = checkSameOrigin(request, config, { write });
      if (!origin.ok) {
        entry.refused = origin.reason;
        throw new Refusal(
          "CrossSiteRequest",
          "Cross-site requests are refused.",
        );
      }
      if (!ACTION_SET.has(action))
        throw new Refusal(
          "ActionNotAllowed",
          `This gateway does not forward ${action.slice(0, 64)}: it is not an action Trailscope uses.`,
        );
      if (params.Version === undefined) params.Version = API_VERSION;
      if (params.Version !== API_VERSION)
        throw new Refusal(
          "UnsupportedVersion",
          `This gateway forwards ActionTrail version ${API_VERSION} only.`,
        );
      if (write && method !== "POST")
        throw new Refusal(
          "MethodNotAllowed",
          `${action} changes the account: send it with POST.`,
        );
      if (write && config.readOnly)
        throw new Refusal(
          "ReadOnly",
          `You are not authorized to do this action: this Trailscope gateway is read-only, so ${action} was refused.`,
        );

      let signingCredentials;
      try {
        signingCredentials = await credentials.get();
      } catch (error) {
        logger.log("error", "credentials unavailable", {
          requestId,
          source: credentials.describe(),
          error:
            error instanceof Error ? error.message.slice(0, 500) : "unknown",
        });
        throw new Refusal(
          "CredentialsUnavailable",
          "The gateway has no Alibaba Cloud credentials to sign with. Its operator should check its environment.",
        );
      }
      logger.redact(signingCredentials.accessKeySecret);
      logger.redact(signingCredentials.securityToken);

      const signed = signRequestParams(method, params, signingCredentials);
      logger.redact(signed.Signature);
      const upstream = new URL(
        config.endpointTemplate.replace("{region}", region),
      );
      upstream.search = toQueryString(signed);

      const aborted = new AbortController();
      response.on("close", () => {
        if (!response.writableFinished) aborted.abort();
      });
      const started = Date.now();
      try {
        const answer = await sendUpstream(upstream, method, {
          timeoutMs: config.upstreamTimeoutMs,
          maxBytes: config.maxResponseBytes,
          signal: aborted.signal,
        });
        entry.upstreamStatus = answer.status;
        entry.upstreamMs = Date.now() - started;
        entry.upstreamRequestId = requestIdOf(answer.body);
        if (answer.status >= 400) entry.upstreamCode = errorCodeOf(answer.body);
        response.writeHead(answer.status, {
          ...baseHeaders,
          "Content-Type": answer.contentType,
          "Content-Length": String(answer.body.length),
          "Cache-Control": "no-store",
        });
        response.end(answer.body);
      } catch (error) {
        if (!(error instanceof UpstreamError)) throw error;
        entry.upstreamError = error.kind;
        if (error.kind === "timeout")
          throw new Refusal(
            "UpstreamTimeout",
            `ActionTrail did not answer ${action} within ${Math.round(config.upstreamTimeoutMs / 1000)} s.${
              write
                ? " The change may still have been made: check before you repeat it."
                : " Try again."
            }`,
          );
        if (error.kind === "too-large")
          throw new Refusal(
            "ResponseTooLarge",
            `ActionTrail's answer to ${action} was larger than the gateway accepts.`,
          );
        throw new Refusal(
          "UpstreamUnreachable",
          `The gateway could not reach ActionTrail in ${region}.`,
        );
      }
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      entry.code = GATEWAY_ERRORS[error.kind].code;
      if (!response.headersSent)
        sendError(response, requestId, error.kind, error.message);
    }
  }

  function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(request.headers["content-length"] ?? "0");
    if (declared > limit)
      return Promise.reject(
        new Refusal(
          "RequestTooLarge",
          `The request body may be at most ${limit} bytes.`,
        ),
      );
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const timer = setTimeout(() => {
        reject(
          new Refusal(
            "RequestTimeout",
            "The request body did not arrive in time.",
          ),
        );
        request.destroy();
      }, config.requestTimeoutMs);
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          clearTimeout(timer);
          reject(
            new Refusal(
              "RequestTooLarge",
              `The request body may be at most ${limit} bytes.`,
            ),
          );
          request.removeAllListeners("data");
          request.resume();
          return;
        }
        chunks.push(chunk);
      });
      request.on("end", () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      });
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(new Refusal("InvalidRequest", error.message));
      });
    });
  }

  return server;
}

function collectParams(search: URLSearchParams): Record<string, string> {
  const params: Record<string, string> = Object.create(null) as Record<
    string,
    string
  >;
  mergeParams(params, search);
  return params;
}

function mergeParams(
  params: Record<string, string>,
  more: URLSearchParams,
): void {
  let count = Object.keys(params).length;
  for (const [name, value] of more) {
    if (Object.hasOwn(params, name))
      throw new Refusal(
        "InvalidRequest",
        `The parameter ${name.slice(0, 64)} appears twice.`,
      );
    if (++count > MAX_PARAMS)
      throw new Refusal(
        "InvalidRequest",
        `At most ${MAX_PARAMS} parameters are accepted.`,
      );
    params[name] = value;
  }
}

function requestIdOf(body: Buffer): string | undefined {
  const head = body.subarray(0, 4096).toString("utf8");
  return /"RequestId"\s*:\s*"([A-Za-z0-9-]{1,100})"/.exec(head)?.[1];
}

function errorCodeOf(body: Buffer): string | undefined {
  const head = body.subarray(0, 4096).toString("utf8");
  return /"Code"\s*:\s*"([A-Za-z0-9._-]{1,100})"/.exec(head)?.[1];
}

/** Starts a gateway and resolves once it listens. */
export function startGateway(
  config: GatewayConfig,
  deps: GatewayDeps,
): Promise<RunningGateway> {
  const server = createGateway(config, deps);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(":") ? `[${config.host}]` : config.host;
      resolve({
        server,
        port,
        url: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
