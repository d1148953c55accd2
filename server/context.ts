import type { IncomingMessage, ServerResponse } from "node:http";
import type { Authenticator, Identity } from "./auth";
import { clientSource, type FailureLimiter } from "./auth-throttle";
import type { GatewayConfig } from "./config";
import type { CredentialSource } from "./credentials";
import type { Logger } from "./logger";
import type { Replies } from "./replies";
import type { UpstreamSlots } from "./upstream-slots";

/** What every part of the gateway shares: settings, logger, sign-ins, limits, replies. */
export interface GatewayContext {
  config: GatewayConfig;
  logger: Logger;
  credentials: CredentialSource;
  auth: Authenticator;
  limiter: FailureLimiter;
  slots: UpstreamSlots;
  replies: Replies;
  baseHeaders: Record<string, string>;
  /** The Host header values this gateway answers to (its port is known once it listens). */
  hosts: () => ReadonlySet<string>;
}

/** One request being answered, and the log entry it will leave. */
export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  requestId: string;
  entry: Record<string, unknown>;
}

export type Admission =
  | { ok: true; identity: Identity }
  | { ok: false; why: "anonymous" | "wrong" }
  | { ok: false; why: "limited"; retryAfterS: number };

/**
 * Authenticates a request. A wrong token (Bearer header here; the sign-in
 * form counts its own) is counted against its source, and answered as
 * limited once that source's budget is spent. The right credential always
 * passes. Unknown session cookies are not counted: their ids are 256 random
 * bits, and a browser still holding a signed-out cookie is no attacker.
 */
export function admit(ctx: GatewayContext, exchange: Exchange): Admission {
  const result = ctx.auth.authenticate(exchange.request);
  if (result.kind === "identified") {
    exchange.entry.user = result.identity.user;
    return { ok: true, identity: result.identity };
  }
  if (result.kind === "anonymous" || result.credential === "session")
    return { ok: false, why: "anonymous" };
  return countFailure(ctx, exchange);
}

/** Counts one wrong token from this request's source. */
export function countFailure(
  ctx: GatewayContext,
  exchange: Exchange,
): Admission {
  const verdict = ctx.limiter.fail(clientSource(exchange.request, ctx.config));
  exchange.entry.refused = verdict.limited ? "throttled" : "wrong-token";
  return verdict.limited
    ? { ok: false, why: "limited", retryAfterS: verdict.retryAfterS }
    : { ok: false, why: "wrong" };
}
