import { $OpenApiUtil } from "@alicloud/openapi-core";
import { RuntimeOptions } from "@darabonba/typescript";
import SlsModule, {
  GetLogsV2Headers,
  GetLogsV2Request,
} from "@alicloud/sls20201230";
import type { SigningCredentials } from "../signature";
import { isLoopbackEndpoint, type SlsConfig } from "./sls-config";

/**
 * The one Log Service call the gateway makes: GetLogsV2 (a query,
 * `<search> | <SQL>`, over one logstore and time range), through the
 * official OpenAPI client (`@alicloud/sls20201230`), which signs it. A
 * client is made per call with the credentials the chain gives at that
 * moment, so refreshed STS keys are used. Nothing here writes.
 *
 * A loopback stand-in (GATEWAY_SLS_ENDPOINT=http://127.0.0.1:…) cannot be
 * reached at `<project>.127.0.0.1`, the host the client puts the project
 * in; for a loopback endpoint only, the client's host is the endpoint itself
 * and the project travels in a signed `x-log-project` header.
 */
// The client is CommonJS with `exports.default`: Node's ESM loader hands the
// whole exports object as the default import, bundlers the class itself.
const SlsClient =
  (SlsModule as unknown as { default?: typeof SlsModule }).default ?? SlsModule;

export interface LogPlace {
  project: string;
  /** The project's region (`cn-hangzhou`). */
  region: string;
  logstore: string;
}

export interface LogQuery {
  query: string;
  /** Epoch seconds. */
  from: number;
  to: number;
  offset: number;
  line: number;
  reverse: boolean;
}

export interface LogMeta {
  progress: string;
  count: number;
  processedRows: number;
  processedBytes: number;
  elapsedMillisecond: number;
  hasSQL: boolean;
  keys: string[];
}

export interface LogPage {
  meta: LogMeta;
  data: Record<string, string>[];
  requestId: string | undefined;
}

export interface LogReader {
  getLogs(place: LogPlace, query: LogQuery): Promise<LogPage>;
}

/** A Log Service error as the client reports it. */
export interface SlsFailure {
  status: number | undefined;
  code: string | undefined;
  message: string;
}

export function slsFailure(error: unknown): SlsFailure {
  const e = (error ?? {}) as Record<string, unknown>;
  const code = typeof e.code === "string" ? e.code : undefined;
  const raw = typeof e.message === "string" ? e.message : "";
  return {
    status: typeof e.statusCode === "number" ? e.statusCode : undefined,
    code,
    message:
      code && raw.startsWith(`${code}: `) ? raw.slice(code.length + 2) : raw,
  };
}

const num = (v: unknown): number =>
  typeof v === "number" && Number.isFinite(v) ? v : 0;

export function sdkLogReader(
  config: SlsConfig,
  credentials: () => Promise<SigningCredentials>,
  timeoutMs: number,
): LogReader {
  return {
    async getLogs(place, query) {
      const key = await credentials();
      const override = config.endpoint ? new URL(config.endpoint) : undefined;
      const loopback = config.endpoint
        ? isLoopbackEndpoint(config.endpoint)
        : false;
      const client = new SlsClient(
        new $OpenApiUtil.Config({
          accessKeyId: key.accessKeyId,
          accessKeySecret: key.accessKeySecret,
          ...(key.securityToken ? { securityToken: key.securityToken } : {}),
          regionId: place.region,
          endpoint: override
            ? override.host
            : `${place.region}.log.aliyuncs.com`,
          protocol: override ? override.protocol.replace(":", "") : "https",
          readTimeout: timeoutMs,
          connectTimeout: Math.min(timeoutMs, 10_000),
        }),
      );
      if (loopback) {
        const gateway = client._spi as unknown as {
          getHost(n: string, p: string, e: string): Promise<string>;
        };
        gateway.getHost = (_n, _p, endpoint) => Promise.resolve(endpoint);
      }
      const response = await client.getLogsV2WithOptions(
        place.project,
        place.logstore,
        new GetLogsV2Request({
          query: query.query,
          from: query.from,
          to: query.to,
          offset: query.offset,
          line: query.line,
          reverse: query.reverse,
        }),
        new GetLogsV2Headers({
          commonHeaders: loopback ? { "x-log-project": place.project } : {},
        }),
        new RuntimeOptions({
          readTimeout: timeoutMs,
          connectTimeout: Math.min(timeoutMs, 10_000),
        }),
      );
      const meta = response.body?.meta;
      const requestId = response.headers?.["x-log-requestid"];
      return {
        meta: {
          progress: meta?.progress ?? "",
          count: num(meta?.count),
          processedRows: num(meta?.processedRows),
          processedBytes: num(meta?.processedBytes),
          elapsedMillisecond: num(meta?.elapsedMillisecond),
          hasSQL: meta?.hasSQL === true,
          keys: Array.isArray(meta?.keys)
            ? meta.keys.filter((k): k is string => typeof k === "string")
            : [],
        },
        data: (response.body?.data ?? []).map((row) => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(row ?? {}))
            out[k] = typeof v === "string" ? v : JSON.stringify(v);
          return out;
        }),
        requestId: typeof requestId === "string" ? requestId : undefined,
      };
    },
  };
}
