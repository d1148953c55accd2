import type { Identity } from "../auth";
import type { Exchange, GatewayContext } from "../context";
import { envelope } from "../envelope";
import { checkSameOrigin } from "../origin";
import { ArchiveError } from "./archive-error";

/**
 * What the gateway's reads of a trail's delivery share (the OSS archive in
 * archive-route.ts, the Log Service logstore in ../sls/sls-route.ts): a
 * trail named by region and name in the path, same-origin reads only, one of
 * the session's upstream slots while the read runs, and any failure answered
 * in the API's error envelope (or the connection cut once bytes are out).
 */
const REGION = /^[a-z]{2,12}(?:-[a-z0-9]{1,20}){1,4}$/;
const TRAIL_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** The region and trail name of a path's two captured parts, or a 400. */
export function trailOfPath(match: RegExpExecArray): {
  region: string;
  name: string;
} {
  let region = "";
  let name = "";
  try {
    region = decodeURIComponent(match[1] ?? "");
    name = decodeURIComponent(match[2] ?? "");
  } catch {
    // left empty: refused below
  }
  if (!REGION.test(region) || !TRAIL_NAME.test(name))
    throw new ArchiveError(
      400,
      "InvalidParameter",
      "That is not a region ID and a trail name.",
    );
  return { region, name };
}

/**
 * Runs one read: `prepare` checks the request (and may refuse it), then the
 * read holds a slot of the person's session. `asError` turns any failure into
 * the status, code and message answered.
 */
export async function answerTrailRead(
  ctx: GatewayContext,
  exchange: Exchange,
  identity: Identity,
  asError: (error: unknown) => ArchiveError,
  prepare: () => () => Promise<void>,
): Promise<void> {
  const { entry, response, requestId } = exchange;
  try {
    const read = prepare();
    if (!checkSameOrigin(exchange.request, ctx.config, { write: false }).ok)
      throw new ArchiveError(
        403,
        "Gateway.CrossSiteRequest",
        "Cross-site requests are refused.",
      );
    const slot = ctx.slots.acquire(identity.sessionKey);
    if ("refused" in slot) {
      entry.refused = `busy-${slot.refused}`;
      throw new ArchiveError(
        429,
        "Throttling.User",
        "The gateway is reading as much as it may at once. Retry shortly.",
      );
    }
    try {
      await read();
    } finally {
      slot.release();
    }
  } catch (error) {
    const refusal = asError(error);
    entry.code = refusal.code;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    ctx.replies.json(
      response,
      refusal.status,
      envelope(requestId, refusal.code, refusal.message),
    );
  }
}
