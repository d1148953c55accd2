import { pipeline } from "node:stream/promises";
import type { Identity } from "./auth";
import { readApiCall, type ApiCall } from "./api-request";
import { admit, type Exchange, type GatewayContext } from "./context";
import { GATEWAY_ERRORS, Refusal } from "./envelope";
import { byteLimit, openUpstream, UpstreamError } from "./forward";
import { checkSameOrigin } from "./origin";
import { handleArchive, isArchivePath } from "./oss/archive-route";
import { signRequestParams, toQueryString } from "./signature";
import { handleSls, isSlsPath } from "./sls/sls-route";

/** What `/api/_whoami` answers: the console's header shows it in live mode. */
export interface WhoAmI {
  mode: "live";
  /** GATEWAY_ACCOUNT_LABEL, "" when not configured. */
  accountLabel: string;
  /** GATEWAY_READ_ONLY: every write is refused with NoPermission. */
  readOnly: boolean;
  /** GATEWAY_ALERTS_STORE is set: the gateway keeps and runs the alert rules (`/api/_alerts/…`). */
  alerts: boolean;
  /** The signed-in person: the proxy's user, "token", or "local" without auth. */
  user: string;
  authMethod: Identity["method"];
  /** POST here (a same-origin form) to sign out; null when there is no session to end. */
  signOutPath: string | null;
}

/** `/api/…`: who is signed in, or one ActionTrail call signed and relayed. */
export async function handleApi(
  ctx: GatewayContext,
  exchange: Exchange,
): Promise<void> {
  const { response, requestId, entry } = exchange;
  try {
    const identity = identityOf(ctx, exchange);
    if (exchange.url.pathname === "/api/_whoami") {
      whoAmI(ctx, exchange, identity);
      return;
    }
    if (isArchivePath(exchange.url.pathname))
      return await handleArchive(ctx, exchange, identity);
    if (isSlsPath(exchange.url.pathname))
      return await handleSls(ctx, exchange, identity);
    const call = await readApiCall(
      exchange.request,
      exchange.url,
      ctx.config,
      entry,
    );
    const slot = ctx.slots.acquire(identity.sessionKey);
    if ("refused" in slot) {
      entry.refused = `busy-${slot.refused}`;
      throw new Refusal(
        "Throttling",
        slot.refused === "session"
          ? `Too many ActionTrail calls at once from this session (at most ${ctx.config.maxUpstreamCallsPerSession}). Retry shortly.`
          : "The gateway is relaying as many ActionTrail calls as it may. Retry shortly.",
        { retryAfterS: 1 },
      );
    }
    try {
      await relay(ctx, exchange, call);
    } finally {
      slot.release();
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    entry.code = GATEWAY_ERRORS[error.kind].code;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    const { close, retryAfterS } = error.options;
    ctx.replies.error(response, requestId, error.kind, error.message, {
      ...(close ? { Connection: "close" } : {}),
      ...(retryAfterS ? { "Retry-After": String(retryAfterS) } : {}),
    });
  }
}

function identityOf(ctx: GatewayContext, exchange: Exchange): Identity {
  const admission = admit(ctx, exchange);
  if (admission.ok) return admission.identity;
  if (admission.why === "limited")
    throw new Refusal(
      "TooManySignIns",
      `Too many wrong tokens from your address. Retry after ${admission.retryAfterS} s.`,
      { retryAfterS: admission.retryAfterS },
    );
  throw new Refusal(
    "Unauthenticated",
    "Sign in to the Trailscope gateway first (reload the page to reach the sign-in form).",
  );
}

function whoAmI(ctx: GatewayContext, exchange: Exchange, identity: Identity) {
  if (!checkSameOrigin(exchange.request, ctx.config, { write: false }).ok)
    throw new Refusal("CrossSiteRequest", "Cross-site requests are refused.");
  const body: WhoAmI = {
    mode: "live",
    accountLabel: ctx.config.accountLabel,
    readOnly: ctx.config.readOnly,
    alerts: ctx.config.alerts.storePath !== undefined,
    user: identity.user,
    authMethod: identity.method,
    signOutPath: identity.method === "cookie" ? "/_gateway/logout" : null,
  };
  ctx.replies.json(exchange.response, 200, body);
}

/** Signs the call, sends it, and streams ActionTrail's answer back unchanged. */
async function relay(
  ctx: GatewayContext,
  exchange: Exchange,
  call: ApiCall,
): Promise<void> {
  const { config, credentials, logger } = ctx;
  const { response, requestId, entry } = exchange;
  let signingCredentials;
  try {
    signingCredentials = await credentials.get();
  } catch (error) {
    logger.log("error", "credentials unavailable", {
      requestId,
      source: credentials.describe(),
      error: error instanceof Error ? error.message.slice(0, 500) : "unknown",
    });
    throw new Refusal(
      "CredentialsUnavailable",
      "The gateway has no Alibaba Cloud credentials to sign with. Its operator should check its environment.",
    );
  }
  logger.redact(signingCredentials.accessKeySecret);
  logger.redact(signingCredentials.securityToken);

  const signed = signRequestParams(
    call.method,
    call.params,
    signingCredentials,
  );
  const upstream = new URL(
    config.endpointTemplate.replace("{region}", call.region),
  );
  upstream.search = toQueryString(signed);

  const aborted = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) aborted.abort();
  });
  const started = Date.now();
  try {
    const answer = await openUpstream(upstream, call.method, {
      timeoutMs: config.upstreamTimeoutMs,
      maxBytes: config.maxResponseBytes,
      signal: aborted.signal,
    });
    entry.upstreamStatus = answer.status;
    response.writeHead(answer.status, {
      ...ctx.baseHeaders,
      "Content-Type": answer.contentType,
      ...(answer.length !== undefined
        ? { "Content-Length": String(answer.length) }
        : {}),
      "Cache-Control": "no-store",
    });
    await pipeline(
      answer.body,
      byteLimit(config.maxResponseBytes, (head) => {
        entry.upstreamRequestId = match(head, REQUEST_ID);
        if (answer.status >= 400) entry.upstreamCode = match(head, CODE);
      }),
      response,
    );
    entry.upstreamMs = Date.now() - started;
  } catch (error) {
    entry.upstreamError = error instanceof UpstreamError ? error.kind : "cut";
    throw upstreamRefusal(error, call, config.upstreamTimeoutMs);
  }
}

function upstreamRefusal(
  error: unknown,
  call: ApiCall,
  timeoutMs: number,
): Refusal {
  const kind = error instanceof UpstreamError ? error.kind : "unreachable";
  if (kind === "timeout")
    return new Refusal(
      "UpstreamTimeout",
      `ActionTrail did not answer ${call.action} within ${Math.round(timeoutMs / 1000)} s.${
        call.write
          ? " The change may still have been made: check before you repeat it."
          : " Try again."
      }`,
    );
  if (kind === "too-large")
    return new Refusal(
      "ResponseTooLarge",
      `ActionTrail's answer to ${call.action} was larger than the gateway accepts.`,
    );
  return new Refusal(
    "UpstreamUnreachable",
    `The gateway could not reach ActionTrail in ${call.region}.`,
  );
}

const REQUEST_ID = /"RequestId"\s*:\s*"([A-Za-z0-9-]{1,100})"/;
const CODE = /"Code"\s*:\s*"([A-Za-z0-9._-]{1,100})"/;

const match = (head: Buffer, pattern: RegExp): string | undefined =>
  pattern.exec(head.toString("utf8"))?.[1];
