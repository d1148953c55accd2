import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";
import { signRpc, type SigningCredentials } from "../signature";

/**
 * A local stand-in for ActionTrail on loopback, for the gateway's tests: it
 * checks each request's RPC signature the way the real endpoint does
 * (known AccessKeyId, HMAC-SHA1 over the canonical query, fresh Timestamp,
 * unused SignatureNonce, matching SecurityToken) and answers signed requests
 * with the simulated account's own msw handlers (mocks/), served over HTTP.
 *
 * Paths are `/<RegionId>/` like `https://actiontrail.<RegionId>.aliyuncs.com/`,
 * so the gateway's endpoint template is `http://127.0.0.1:<port>/{region}/`.
 */
export interface StandInOptions {
  handlers: readonly RequestHandler[];
  /** The AccessKeys the stand-in's account knows. */
  keys: readonly SigningCredentials[];
  port?: number;
  /** Delays every answer (to provoke the gateway's upstream timeout). */
  delayMs?: () => number;
  clock?: () => number;
}

export interface ReceivedRequest {
  method: string;
  region: string;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
}

export interface RunningStandIn {
  server: Server;
  port: number;
  /** The gateway's ACTIONTRAIL_ENDPOINT_TEMPLATE for this stand-in. */
  endpointTemplate: string;
  /** Every request that reached the stand-in, signed or not. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;

function refuse(
  region: string,
  status: number,
  code: string,
  message: string,
): Response {
  return Response.json(
    {
      RequestId: randomUUID().toUpperCase(),
      HostId: `actiontrail.${region}.aliyuncs.com`,
      Code: code,
      Message: message,
    },
    { status },
  );
}

/** The real endpoint's authentication checks, answered with its error codes. */
export function verifySignature(
  method: string,
  region: string,
  params: Record<string, string>,
  keys: readonly SigningCredentials[],
  usedNonces: Set<string>,
  now: number,
): Response | undefined {
  for (const name of [
    "AccessKeyId",
    "Signature",
    "SignatureNonce",
    "Timestamp",
    "SignatureMethod",
    "SignatureVersion",
  ])
    if (!params[name])
      return refuse(
        region,
        400,
        "MissingParameter",
        `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
      );
  const key = keys.find((k) => k.accessKeyId === params.AccessKeyId);
  if (!key)
    return refuse(
      region,
      404,
      "InvalidAccessKeyId.NotFound",
      "Specified access key is not found.",
    );
  if (
    params.SignatureMethod !== "HMAC-SHA1" ||
    params.SignatureVersion !== "1.0"
  )
    return refuse(
      region,
      400,
      "InvalidParameter",
      "Specified signature method or version is not supported.",
    );
  if (params.Format !== "JSON")
    return refuse(
      region,
      400,
      "InvalidParameter",
      "This stand-in answers Format=JSON only.",
    );
  const time = Date.parse(params.Timestamp!);
  if (
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp!) ||
    Number.isNaN(time)
  )
    return refuse(
      region,
      400,
      "InvalidTimeStamp.Format",
      "Specified time stamp or date header is not valid.",
    );
  if (Math.abs(now - time) > MAX_SKEW_MS)
    return refuse(
      region,
      400,
      "InvalidTimeStamp.Expired",
      "Specified time stamp or date header is expired.",
    );
  if (signRpc(method, params, key.accessKeySecret) !== params.Signature)
    return refuse(
      region,
      400,
      "SignatureDoesNotMatch",
      "Specified signature is not matched with our calculation.",
    );
  if (key.securityToken && params.SecurityToken !== key.securityToken)
    return refuse(
      region,
      400,
      "InvalidSecurityToken.Mismatch",
      "Specified SecurityToken mismatch with the AccessKey.",
    );
  if (usedNonces.has(params.SignatureNonce!))
    return refuse(
      region,
      400,
      "SignatureNonceUsed",
      "Specified signature nonce was used already.",
    );
  usedNonces.add(params.SignatureNonce!);
  return undefined;
}

export function startStandIn(options: StandInOptions): Promise<RunningStandIn> {
  const clock = options.clock ?? Date.now;
  const usedNonces = new Set<string>();
  const received: ReceivedRequest[] = [];

  async function answer(request: IncomingMessage): Promise<Response> {
    const url = new URL(request.url ?? "/", "http://stand-in.invalid");
    const region = /^\/([a-z0-9-]+)\/$/.exec(url.pathname)?.[1];
    if (!region)
      return Response.json(
        { Code: "InvalidPath", Message: "Call /<RegionId>/" },
        { status: 404 },
      );
    const method = request.method ?? "GET";
    const params: Record<string, string> = Object.create(null) as Record<
      string,
      string
    >;
    for (const [name, value] of url.searchParams) params[name] = value;
    received.push({
      method,
      region,
      params: { ...params },
      headers: request.headers,
    });

    const wait = options.delayMs?.() ?? 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

    const refusal = verifySignature(
      method,
      region,
      params,
      options.keys,
      usedNonces,
      clock(),
    );
    if (refusal) return refusal;

    // The simulated account's handlers match `*/api/:region/`.
    const forMock = new Request(
      `http://actiontrail.${region}.aliyuncs.com/api/${region}/${url.search}`,
      { method },
    );
    const response = await getResponse([...options.handlers], forMock);
    return (
      response ??
      refuse(region, 404, "InvalidAction", "Specified api is not found.")
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    request.resume();
    const result = await answer(request).catch(
      (error: unknown) =>
        new Response(
          JSON.stringify({ Code: "InternalError", Message: String(error) }),
          {
            status: 500,
            headers: { "Content-Type": "application/json" },
          },
        ),
    );
    const body = Buffer.from(await result.arrayBuffer());
    if (response.destroyed) return;
    response.writeHead(result.status, {
      "Content-Type": result.headers.get("content-type") ?? "application/json",
      "Content-Length": String(body.length),
    });
    response.end(body);
  }

  const server = createServer(
    (request, response) => void handle(request, response),
  );
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        port,
        endpointTemplate: `http://127.0.0.1:${port}/{region}/`,
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
