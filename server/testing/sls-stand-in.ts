import { createHash, createHmac, randomUUID } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  matchesSlsSearch,
  parseSlsSearch,
  splitSlsQuery,
  SlsSyntaxError,
  type LogRow,
} from "../../src/lib/sls-query";
import type { SigningCredentials } from "../signature";

/**
 * A local stand-in for Log Service on loopback, for the gateway's query
 * route. It answers GetLogsV2 (`POST /logstores/<logstore>/logs`, JSON
 * `{query, from, to, offset, line, reverse}`) with Log Service's documented
 * shape, `{meta: {progress, count, processedRows, processedBytes,
 * elapsedMillisecond, hasSQL, keys, …}, data: [{…strings}]}`, and its errors
 * as `{errorCode, errorMessage}` with the `x-log-requestid` header.
 *
 * What it checks of each request, as Log Service does for the client's
 * default (v1) signature: `Authorization: LOG <AccessKeyId>:<signature>`
 * with a known AccessKeyId; the signature recomputed as HMAC-SHA256 (base64)
 * over `METHOD\nContent-MD5\nContent-Type\nDate\n`, the sorted `x-log-*` /
 * `x-acs-*` headers and the path with its sorted query; `Content-MD5` is
 * the body's MD5 (upper-case hex); `x-log-signaturemethod: hmac-sha256`; a
 * Date within 15 minutes; the STS token (`x-acs-security-token`) of an STS
 * key. The project is the Host's first label, or the `x-log-project` header
 * the gateway sends to a loopback endpoint (server/sls/sls-reader.ts).
 *
 * The search part (`<search>`) is matched by the pure Log Service syntax of
 * src/lib/sls-query.ts; of SQL it understands only `SELECT count(*) [AS n]`,
 * and answers any other SQL with ParameterInvalid.
 */
export interface SlsStandInOptions {
  keys: readonly SigningCredentials[];
  /** The logs of a logstore in a time range (epoch seconds), oldest first; undefined when it does not exist. */
  logs: (
    project: string,
    logstore: string,
    from: number,
    to: number,
  ) => readonly LogRow[] | undefined;
  port?: number;
  clock?: () => number;
}

export interface SlsReceived {
  project: string;
  logstore: string;
  accessKeyId: string;
  body: Record<string, unknown>;
  refused?: string;
}

export interface RunningSlsStandIn {
  server: Server;
  port: number;
  /** The gateway's GATEWAY_SLS_ENDPOINT for this stand-in. */
  endpoint: string;
  received: SlsReceived[];
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;
const PATH = /^\/logstores\/([^/?]+)\/logs$/;
const COUNT_SQL = /^\s*select\s+count\(\s*\*\s*\)(?:\s+as\s+("?)(\w+)\1)?\s*$/i;

class SlsRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The v1 signature a request should carry (the client's `getSignature`). */
export function signatureV1(
  method: string,
  path: string,
  query: URLSearchParams,
  headers: IncomingMessage["headers"],
  secret: string,
): string {
  const header = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : (v ?? "");
  };
  const logHeaders = Object.keys(headers)
    .filter((h) => h.includes("x-log-") || h.includes("x-acs-"))
    .sort()
    .map((h) => `${h}:${header(h)}\n`)
    .join("");
  const names = [...query.keys()].sort();
  const resource =
    path +
    names
      .map((n, i) => `${i === 0 ? "?" : "&"}${n}=${query.get(n) ?? ""}`)
      .join("");
  const text = `${method}\n${header("content-md5")}\n${header("content-type")}\n${header("date")}\n${logHeaders}${resource}`;
  return createHmac("sha256", secret).update(text).digest("base64");
}

export async function startSlsStandIn(
  options: SlsStandInOptions,
): Promise<RunningSlsStandIn> {
  const received: SlsReceived[] = [];
  const clock = options.clock ?? Date.now;
  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const requestId = randomUUID().toUpperCase();
    const record: SlsReceived = {
      project: "",
      logstore: "",
      accessKeyId: "",
      body: {},
    };
    received.push(record);
    try {
      const url = new URL(request.url ?? "/", "http://stand-in.invalid");
      const match = PATH.exec(url.pathname);
      if (request.method !== "POST" || !match)
        throw new SlsRefusal(
          404,
          "RequestNotSupported",
          "Only GetLogsV2 is answered here.",
        );
      record.logstore = decodeURIComponent(match[1] ?? "");
      const host = String(request.headers.host ?? "");
      const projectHeader = request.headers["x-log-project"];
      record.project =
        typeof projectHeader === "string"
          ? projectHeader
          : /^[a-z0-9-]+\.(?!\d+\.)/.test(host)
            ? (host.split(".")[0] ?? "")
            : "";
      verify(request, url, bytes, record);
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
      } catch {
        throw new SlsRefusal(400, "PostBodyInvalid", "The body is not JSON.");
      }
      record.body = body;
      const result = run(record.project, record.logstore, body);
      response.writeHead(200, {
        "Content-Type": "application/json",
        "x-log-requestid": requestId,
      });
      response.end(JSON.stringify(result));
    } catch (error) {
      const refusal =
        error instanceof SlsRefusal
          ? error
          : new SlsRefusal(500, "InternalServerError", "The stand-in failed.");
      record.refused = refusal.code;
      response.writeHead(refusal.status, {
        "Content-Type": "application/json",
        "x-log-requestid": requestId,
      });
      response.end(
        JSON.stringify({
          errorCode: refusal.code,
          errorMessage: refusal.message,
        }),
      );
    }
  }

  function verify(
    request: IncomingMessage,
    url: URL,
    bytes: Buffer,
    record: SlsReceived,
  ) {
    const auth = /^LOG ([^:]+):(.+)$/.exec(
      String(request.headers.authorization ?? ""),
    );
    if (!auth)
      throw new SlsRefusal(401, "Unauthorized", "The request is not signed.");
    record.accessKeyId = auth[1] ?? "";
    const key = options.keys.find((k) => k.accessKeyId === auth[1]);
    if (!key)
      throw new SlsRefusal(
        401,
        "Unauthorized",
        "The AccessKeyId is not found.",
      );
    if (request.headers["x-log-signaturemethod"] !== "hmac-sha256")
      throw new SlsRefusal(
        400,
        "SignatureNotMatch",
        "Unknown signature method.",
      );
    if (
      key.securityToken &&
      request.headers["x-acs-security-token"] !== key.securityToken
    )
      throw new SlsRefusal(401, "Unauthorized", "The security token is wrong.");
    const date = Date.parse(String(request.headers.date ?? ""));
    if (Number.isNaN(date) || Math.abs(clock() - date) > MAX_SKEW_MS)
      throw new SlsRefusal(
        400,
        "RequestTimeExpired",
        "The Date is not current.",
      );
    const md5 = createHash("md5").update(bytes).digest("hex").toUpperCase();
    if (bytes.length > 0 && request.headers["content-md5"] !== md5)
      throw new SlsRefusal(
        400,
        "InvalidContentMD5",
        "Content-MD5 does not match the body.",
      );
    const expected = signatureV1(
      request.method ?? "POST",
      url.pathname,
      url.searchParams,
      request.headers,
      key.accessKeySecret,
    );
    if (expected !== auth[2])
      throw new SlsRefusal(
        401,
        "SignatureNotMatch",
        "The signature does not match.",
      );
  }

  function run(
    project: string,
    logstore: string,
    body: Record<string, unknown>,
  ) {
    const started = clock();
    const from = Number(body.from);
    const to = Number(body.to);
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from)
      throw new SlsRefusal(
        400,
        "ParameterInvalid",
        "from and to are epoch seconds, from before to.",
      );
    const logs = options.logs(project, logstore, from, to);
    if (!logs)
      throw new SlsRefusal(
        404,
        "LogStoreNotExist",
        `logstore ${logstore} does not exist`,
      );
    const text = typeof body.query === "string" ? body.query : "";
    const split = splitSlsQuery(text);
    let search;
    try {
      search = parseSlsSearch(split.search);
    } catch (error) {
      if (!(error instanceof SlsSyntaxError)) throw error;
      const before = text.slice(0, error.offset).split("\n");
      throw new SlsRefusal(
        400,
        "ParameterInvalid",
        `line ${before.length}:${(before.at(-1)?.length ?? 0) + 1}: ${error.message}`,
      );
    }
    const matched = logs.filter((row) => {
      const at = Number(row.__time__);
      return at >= from && at < to && matchesSlsSearch(search, row);
    });
    const processedBytes = logs.reduce(
      (n, r) => n + JSON.stringify(r).length,
      0,
    );
    const meta = (
      data: Record<string, string>[],
      hasSQL: boolean,
      keys: string[],
    ) => ({
      progress: "Complete",
      count: data.length,
      processedRows: logs.length,
      processedBytes,
      elapsedMillisecond: Math.max(1, clock() - started),
      hasSQL,
      isAccurate: true,
      keys,
      columnTypes: keys.map(() => (hasSQL ? "bigint" : "varchar")),
      limited: 0,
      cpuSec: 0,
      cpuCores: 0,
      whereQuery: split.search.trim(),
      aggQuery: split.sql?.trim() ?? "",
    });
    if (split.sql !== undefined) {
      const count = COUNT_SQL.exec(split.sql);
      if (!count)
        throw new SlsRefusal(
          400,
          "ParameterInvalid",
          `line 1:${split.sqlOffset + 1}: the stand-in runs only SELECT count(*)`,
        );
      const name = count[2] ?? "_col0";
      const data = [{ [name]: String(matched.length) }];
      return { meta: meta(data, true, [name]), data };
    }
    const offset = Math.max(0, Number(body.offset) || 0);
    const line = Math.min(100, Math.max(1, Number(body.line) || 100));
    const ordered = body.reverse === true ? [...matched].reverse() : matched;
    const data = ordered.slice(offset, offset + line).map((r) => ({ ...r }));
    const keys = [...new Set(data.flatMap((r) => Object.keys(r)))];
    return { meta: meta(data, false, keys), data };
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
