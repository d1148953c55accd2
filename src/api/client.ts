import { t } from "@lingui/core/macro";
import { z } from "zod";
import { ApiError, isAbortError } from "./errors";
import { flattenParams } from "./flatten";
import {
  API_VERSION,
  operations,
  type Action,
  type ParamsOf,
  type ResultOf,
} from "./operations";
import { errorEnvelopeSchema } from "./schemas/common";

/**
 * The one place Trailscope calls `fetch`. Every ActionTrail action goes
 * through `rpc()`: parameters are flattened the RPC way and sent to
 * `/api/<RegionId>/` (answered by the simulated account in mock mode, by the
 * signing gateway in live mode), error envelopes become `ApiError`, throttling
 * and server errors are retried with bounded backoff, and every answer is
 * checked against the action's schema.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  capDelayMs: number;
}

export interface ClientConfig {
  baseUrl: string;
  retry: RetryPolicy;
  /** Full jitter source, replaceable in tests. */
  random: () => number;
}

export interface RetryInfo {
  action: Action;
  region: string;
  attempt: number;
  delayMs: number;
  error: ApiError;
}

export interface RpcOptions {
  signal?: AbortSignal | undefined;
  /** Told before each retry, so a screen can say "retrying" while keeping what it has. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  retry?: Partial<RetryPolicy> | undefined;
  /**
   * Awaited before every attempt, the first and each retry: the event reader
   * takes the account's LookupEvents limiter here, so retries never bypass it.
   */
  beforeAttempt?: ((signal?: AbortSignal) => Promise<void>) | undefined;
}

const defaultConfig = (): ClientConfig => ({
  baseUrl: (import.meta.env.VITE_API_BASE_URL as string | undefined) || "/api",
  retry: { maxRetries: 3, baseDelayMs: 1000, capDelayMs: 8000 },
  random: Math.random,
});

let config: ClientConfig = defaultConfig();

/** Adjusts the client (tests shorten the backoff; nothing else should need to). */
export function configureClient(
  patch: Partial<Omit<ClientConfig, "retry">> & {
    retry?: Partial<RetryPolicy>;
  },
): void {
  config = { ...config, ...patch, retry: { ...config.retry, ...patch.retry } };
}

export function resetClientConfig(): void {
  config = defaultConfig();
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const ceiling = Math.min(
    policy.capDelayMs,
    policy.baseDelayMs * 2 ** attempt,
  );
  return Math.floor(random() * ceiling);
}

export function buildRequestUrl(
  region: string,
  action: string,
  params: object,
): string {
  const query = new URLSearchParams({ Action: action, Version: API_VERSION });
  for (const [key, value] of flattenParams(params)) query.append(key, value);
  const origin =
    typeof location === "undefined" ? "http://localhost" : location.origin;
  const base = new URL(
    `${config.baseUrl.replace(/\/$/, "")}/${encodeURIComponent(region)}/`,
    origin,
  );
  return `${base.href}?${query.toString()}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(
        signal.reason instanceof Error
          ? signal.reason
          : new DOMException("Aborted", "AbortError"),
      );
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(
        signal?.reason instanceof Error
          ? signal.reason
          : new DOMException("Aborted", "AbortError"),
      );
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function attemptOnce<A extends Action>(
  region: string,
  action: A,
  params: ParamsOf<A>,
  signal?: AbortSignal,
) {
  const operation = operations[action];
  const url = buildRequestUrl(region, action, params);
  let response: Response;
  try {
    response = await fetch(url, {
      method: operation.write ? "POST" : "GET",
      headers: { Accept: "application/json" },
      cache: "no-store",
      credentials: "same-origin",
      signal: signal ?? null,
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiError({
      code: "NetworkError",
      message: t`The request did not reach the ActionTrail endpoint. Check the connection and try again.`,
      status: 0,
      action,
      region,
      cause,
    });
  }

  const { status, statusText } = response;
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiError({
      code: response.ok ? "InvalidResponse" : `Http${response.status}`,
      message: response.ok
        ? t`The service answered with something that is not JSON.`
        : t`The service answered HTTP ${status} ${statusText} without an error description.`,
      status: response.status,
      action,
      region,
      cause,
    });
  }

  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    throw new ApiError({
      code: envelope.success ? envelope.data.Code : `Http${response.status}`,
      message: envelope.success
        ? (envelope.data.Message ?? "")
        : t`The service answered HTTP ${status}.`,
      status: response.status,
      requestId: envelope.success ? envelope.data.RequestId : undefined,
      hostId: envelope.success ? envelope.data.HostId : undefined,
      recommend: envelope.success ? envelope.data.Recommend : undefined,
      action,
      region,
    });
  }

  const parsed = operation.response.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ApiError({
      code: "InvalidResponse",
      message: `The ${action} answer did not match the ActionTrail contract${
        first
          ? ` at ${first.path.join(".") || "the top level"}: ${first.message}`
          : ""
      }.`,
      status: response.status,
      requestId: (body as { RequestId?: string } | null)?.RequestId,
      action,
      region,
      cause: parsed.error,
    });
  }
  return parsed.data as ResultOf<A>;
}

/** Whether a failed attempt may be sent again: throttling always; server errors only for reads. */
export function isRetryable(error: ApiError, write: boolean): boolean {
  if (error.isThrottling) return true;
  return !write && error.isServerError;
}

export async function rpc<A extends Action>(
  region: string,
  action: A,
  params: ParamsOf<A>,
  options: RpcOptions = {},
): Promise<ResultOf<A>> {
  const policy = { ...config.retry, ...options.retry };
  const write = operations[action].write;
  for (let attempt = 0; ; attempt++) {
    try {
      await options.beforeAttempt?.(options.signal);
      return await attemptOnce(region, action, params, options.signal);
    } catch (error) {
      if (
        !(error instanceof ApiError) ||
        attempt >= policy.maxRetries ||
        !isRetryable(error, write)
      )
        throw error;
      const delayMs = backoffDelay(attempt, policy, config.random);
      options.onRetry?.({
        action,
        region,
        attempt: attempt + 1,
        delayMs,
        error,
      });
      await sleep(delayMs, options.signal);
    }
  }
}

const gatewayInfoSchema = z.looseObject({
  mode: z.literal("live"),
  accountLabel: z.string().default(""),
  readOnly: z.boolean().default(false),
  /** The gateway keeps and runs the alert rules (`/api/_alerts`): the console shows its rules and history instead of running its own. */
  alerts: z.boolean().default(false),
  user: z.string().default(""),
  authMethod: z.string().default(""),
  signOutPath: z.string().nullable().default(null),
});
export type GatewayInfo = z.output<typeof gatewayInfoSchema>;

/**
 * A GET to one of the gateway's own endpoints beside ActionTrail's
 * (`<base>/_archive/…`, `<base>/_oss/…`): the same credentials and errors as
 * `rpc()` — a network failure or an error envelope (`Code`, `Message`,
 * `RequestId`) becomes an `ApiError` named by `action`. Resolves with the
 * successful response, for its JSON or its bytes.
 */
export async function gatewayGet(
  path: string,
  query: Record<string, string>,
  action: string,
  region: string,
  signal?: AbortSignal,
): Promise<Response> {
  const url = gatewayUrl(path);
  for (const [key, value] of Object.entries(query))
    url.searchParams.set(key, value);
  return gatewayFetch(url, { signal: signal ?? null }, action, region);
}

/** A path under the gateway's base, on this page's origin. */
function gatewayUrl(path: string): URL {
  const origin =
    typeof location === "undefined" ? "http://localhost" : location.origin;
  return new URL(`${config.baseUrl.replace(/\/$/, "")}/${path}`, origin);
}

/**
 * One request to the gateway with the session's cookie: a network failure or
 * a refusal becomes an `ApiError` named by `action`; resolves with the
 * successful response.
 */
async function gatewayFetch(
  url: URL,
  init: RequestInit,
  action: string,
  region: string,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiError({
      code: "NetworkError",
      message: t`The request did not reach the gateway. Check the connection.`,
      status: 0,
      action,
      region,
      cause,
    });
  }
  if (response.ok) return response;
  throw await gatewayError(response, action, region);
}

/** A gateway refusal (its error envelope: `Code`, `Message`, `RequestId`) as an `ApiError`. */
async function gatewayError(
  response: Response,
  action: string,
  region: string,
): Promise<ApiError> {
  const { status } = response;
  const envelope = errorEnvelopeSchema.safeParse(
    await response.json().catch(() => undefined),
  );
  return new ApiError({
    code: envelope.success ? envelope.data.Code : `Http${response.status}`,
    message: envelope.success
      ? (envelope.data.Message ?? "")
      : t`The gateway answered HTTP ${status}.`,
    status: response.status,
    requestId: envelope.success ? envelope.data.RequestId : undefined,
    action,
    region,
  });
}

/**
 * A call to one of the gateway's own JSON resources (`<base>/_alerts/…`):
 * GET, or a change sent as JSON. A refusal becomes an `ApiError` named by
 * `action` (a read-only gateway's 403 carries its reason in the message);
 * the answer is checked against `schema` (a 204 has no body: `undefined`).
 */
export async function gatewayJson<T extends z.ZodType>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  schema: T,
  options: { action: string; body?: unknown; signal?: AbortSignal | undefined },
): Promise<z.output<T>> {
  const { action, body, signal } = options;
  const response = await gatewayFetch(
    gatewayUrl(path),
    {
      method,
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: signal ?? null,
    },
    action,
    "",
  );
  if (response.status === 204) return schema.parse(undefined);
  return parseGatewayJson(response, schema, action, "");
}

/** Checks a gateway answer's JSON against its schema, as `rpc()` does. */
export async function parseGatewayJson<T extends z.ZodType>(
  response: Response,
  schema: T,
  action: string,
  region: string,
): Promise<z.output<T>> {
  const parsed = schema.safeParse(await response.json());
  if (parsed.success) return parsed.data;
  throw new ApiError({
    code: "InvalidResponse",
    message: `The ${action} answer did not match the expected shape.`,
    status: response.status,
    action,
    region,
    cause: parsed.error,
  });
}

/**
 * Live mode: who the signing gateway says we are (its `/api/_whoami`), for
 * the header. `undefined` when the gateway does not say.
 */
export async function fetchGatewayInfo(
  signal?: AbortSignal,
): Promise<GatewayInfo | undefined> {
  try {
    const origin =
      typeof location === "undefined" ? "http://localhost" : location.origin;
    const response = await fetch(
      new URL(`${config.baseUrl.replace(/\/$/, "")}/_whoami`, origin),
      {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        signal: signal ?? null,
      },
    );
    if (!response.ok) return undefined;
    const parsed = gatewayInfoSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
