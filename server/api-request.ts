import type { IncomingMessage } from "node:http";
import { ACTIONS, API_VERSION, isWriteAction } from "../src/api/operations";
import type { GatewayConfig } from "./config";
import { Refusal } from "./envelope";
import { checkSameOrigin } from "./origin";
import { readBody } from "./read-body";

/**
 * Turns `/api/<RegionId>/?Action=…` (GET, or POST with a form) into the
 * parameters to sign, refusing everything Trailscope does not need: unknown
 * actions, other API versions, odd region IDs, repeated parameters,
 * cross-site writes, writes by GET, writes when read-only.
 */
export interface ApiCall {
  region: string;
  method: "GET" | "POST";
  action: string;
  write: boolean;
  params: Record<string, string>;
}

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);
const REGION = /^[a-z]{2,12}(?:-[a-z0-9]{1,20}){1,4}$/;
const API_PATH = /^\/api\/([^/]+)\/$/;
const MAX_PARAMS = 200;

export async function readApiCall(
  request: IncomingMessage,
  url: URL,
  config: GatewayConfig,
  entry: Record<string, unknown>,
): Promise<ApiCall> {
  const match = API_PATH.exec(url.pathname);
  if (!match) throw new Refusal("NotFound", "Call /api/<RegionId>/?Action=…");
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
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "POST")
    throw new Refusal(
      "MethodNotAllowed",
      "ActionTrail is called with GET or POST.",
    );

  const params = collectParams(url.searchParams);
  if (method === "POST") {
    const body = await readBody(
      request,
      config.maxBodyBytes,
      config.requestTimeoutMs,
    );
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
    throw new Refusal("MissingAction", "Action is mandatory for this request.");
  // Only an action the gateway knows is logged: any other value came from
  // the client and might be anything (a pasted token, say).
  const known = ACTION_SET.has(action);
  entry.action = known ? action : "(not allowed)";
  const write = isWriteAction(action);
  const origin = checkSameOrigin(request, config, { write });
  if (!origin.ok) {
    entry.refused = origin.reason;
    throw new Refusal("CrossSiteRequest", "Cross-site requests are refused.");
  }
  if (!known)
    throw new Refusal(
      "ActionNotAllowed",
      "This gateway does not forward that action: it is not one Trailscope uses.",
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
  return { region, method, action, write, params };
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
