/**
 * The RPC front door of Trailscope's simulated account: reads the parameters
 * (query string, and for POST also a form body), matches the Action once,
 * checks Version, rate limits, injected faults, latency and the visitor's
 * identity, then answers like ActionTrail: a flat JSON object with RequestId,
 * or the error envelope `{ RequestId, HostId, Code, Message }`.
 */
import { delay, HttpResponse, type HttpResponseResolver } from "msw";
import type { Account } from "../data/account";
import { isRegionId } from "../data/regions";
import { sentAt } from "../sent-at";
import { recordCall } from "./record-call";

export const API_VERSION = "2020-07-06";

export class RpcError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const missing = (name: string): RpcError =>
  new RpcError(
    400,
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );

export const invalidValue = (name: string, rule: string): RpcError =>
  new RpcError(
    400,
    "InvalidParameterValue",
    `The specified parameter "${name}" is not valid. ${rule}`,
  );

export interface RpcContext {
  account: Account;
  region: string;
  action: string;
  params: URLSearchParams;
  requestId: string;
}

export interface ActionSpec {
  /** Writes change the account: refused to the auditor identity. */
  write: boolean;
  /** Requests per second per account (the contract's limits). */
  rateLimit: number;
  handle: (ctx: RpcContext) => Record<string, unknown>;
  /** ActionTrail records the call as an event of the account (its own trail management calls). */
  recorded?: boolean;
}

export type ActionTable = Record<string, ActionSpec>;

/** Reads a boolean parameter the RPC way (`true` / `false`). */
export function boolParam(
  params: URLSearchParams,
  name: string,
): boolean | undefined {
  const value = params.get(name);
  if (value === null || value === "") return undefined;
  if (value === "true" || value === "True") return true;
  if (value === "false" || value === "False") return false;
  throw invalidValue(name, "Use true or false.");
}

export function errorResponse(
  requestId: string,
  region: string,
  error: RpcError,
): Response {
  return HttpResponse.json(
    {
      RequestId: requestId,
      HostId: `actiontrail.${region}.aliyuncs.com`,
      Code: error.code,
      Message: error.message,
    },
    { status: error.status },
  );
}

async function readParams(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  if (request.method === "POST") {
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("application/x-www-form-urlencoded")) {
      const body = new URLSearchParams(await request.text());
      for (const [key, value] of body)
        if (!params.has(key)) params.append(key, value);
    }
  }
  return params;
}

/** Builds the msw resolver that answers every ActionTrail action of `actions` for `account`. */
export function createRpcResolver(
  account: Account,
  actions: ActionTable,
): HttpResponseResolver<{ region: string }> {
  return async (info) => {
    // The latency is the time to an answer, the service's own work included:
    // the answer is computed first (generating a region's events on first
    // use, for instance) and only what is left of the latency is waited.
    // It runs from when the call was sent: time the page's main thread took
    // to hand the request over (see mocks/sent-at.ts) is part of it, as the
    // network would not wait for the page.
    const sent = sentAt(info.request);
    const started =
      performance.now() -
      (sent === undefined
        ? 0
        : Math.max(0, Math.min(Date.now() - sent, 60_000)));
    const [min, max] = account.latency;
    let wait =
      max > 0
        ? min + Math.floor(account.random() * (Math.max(max, min) - min + 1))
        : 0;
    if (
      account.faults.slowRate > 0 &&
      account.random() < account.faults.slowRate
    )
      wait += account.faults.slowMs;
    const response = await answer(account, actions, info);
    const left = wait - (performance.now() - started);
    if (left > 0) await delay(left);
    return response;
  };
}

async function answer(
  account: Account,
  actions: ActionTable,
  {
    request,
    params: pathParams,
  }: { request: Request; params: { region?: string | readonly string[] } },
): Promise<Response> {
  const region = String(pathParams.region ?? "");
  const requestId = account.newRequestId();
  const fail = (error: RpcError) => errorResponse(requestId, region, error);
  const { faults } = account;

  const params = await readParams(request);
  if (!isRegionId(region))
    return fail(
      new RpcError(
        400,
        "InvalidRegionId",
        `The specified region "${region}" does not exist.`,
      ),
    );
  if (account.failRegions?.includes(region)) {
    return fail(
      new RpcError(
        503,
        "ServiceUnavailable",
        "The request has failed due to a temporary failure of the server.",
      ),
    );
  }
  const action = params.get("Action");
  if (!action) return fail(missing("Action"));
  const spec = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!spec)
    return fail(
      new RpcError(
        404,
        "InvalidAction",
        `Specified api is not found, please check your url and method. Action: ${action}`,
      ),
    );
  const version = params.get("Version");
  if (!version) return fail(missing("Version"));
  if (version !== API_VERSION)
    return fail(
      new RpcError(
        400,
        "InvalidVersion",
        `Specified parameter Version is not valid: ${version}.`,
      ),
    );

  if (!account.takeRateLimit(action, spec.rateLimit, sentAt(request))) {
    return fail(
      new RpcError(
        400,
        "Throttling.User",
        "Request was denied due to user flow control.",
      ),
    );
  }
  if (faults.throttleRate > 0 && account.random() < faults.throttleRate) {
    return fail(
      new RpcError(
        400,
        "Throttling.User",
        "Request was denied due to user flow control.",
      ),
    );
  }
  if (faults.errorRate > 0 && account.random() < faults.errorRate) {
    return fail(
      new RpcError(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.",
      ),
    );
  }
  const record = (
    outcome: { body: Record<string, unknown> } | { error: RpcError },
  ) => {
    if (spec.recorded)
      recordCall(account, { region, action, params, requestId }, outcome);
  };
  if (spec.write && account.identity === "auditor") {
    const error = new RpcError(
      403,
      "NoPermission",
      `You are not authorized to do this action. Action: actiontrail:${action}`,
    );
    record({ error });
    return fail(error);
  }
  try {
    const body = spec.handle({ account, region, action, params, requestId });
    record({ body });
    return HttpResponse.json({ RequestId: requestId, ...body });
  } catch (error) {
    if (error instanceof RpcError) {
      record({ error });
      return fail(error);
    }
    console.error("[mock] ActionTrail handler failed", error);
    return fail(
      new RpcError(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error.",
      ),
    );
  }
}
