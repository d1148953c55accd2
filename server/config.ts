import { randomBytes } from "node:crypto";
import { isIP } from "node:net";

/** Everything the gateway is told by its environment. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** The built console (VITE_API_MODE=live). */
  staticDir: string;
  /** Upstream base URL; `{region}` is replaced by the request's RegionId. */
  endpointTemplate: string;
  auth: { kind: "token"; token: string; generated: boolean } | { kind: "none" };
  /** A reverse proxy's header naming the signed-in user, trusted only from `trustedProxies`. */
  trustedUserHeader: string | undefined;
  trustedProxies: readonly string[];
  /** The origin browsers use, when the gateway sits behind a proxy or a DNS name. */
  publicOrigin: string | undefined;
  /** Extra `host[:port]` values accepted in the Host header. */
  allowedHosts: readonly string[];
  readOnly: boolean;
  accountLabel: string;
  upstreamTimeoutMs: number;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  maxResponseBytes: number;
  sessionTtlMs: number;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export const DEFAULT_ENDPOINT_TEMPLATE =
  "https://actiontrail.{region}.aliyuncs.com/";

export const isLoopbackHost = (host: string): boolean =>
  host === "localhost" ||
  host === "::1" ||
  /^127(\.\d{1,3}){3}$/.test(host) ||
  host === "::ffff:127.0.0.1";

type Env = Readonly<Record<string, string | undefined>>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ConfigError(
      `${name} must be a whole number from ${min} to ${max} (got "${raw}").`,
    );
  return value;
}

const flag = (env: Env, name: string): boolean =>
  ["1", "true", "yes", "on"].includes((env[name] ?? "").trim().toLowerCase());

const list = (raw: string | undefined): string[] =>
  (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** Reads and checks the gateway's settings; throws ConfigError with what to fix. */
export function readConfig(env: Env = process.env): GatewayConfig {
  const host = env.GATEWAY_HOST?.trim() || "127.0.0.1";
  const loopback = isLoopbackHost(host);

  const endpointTemplate =
    env.ACTIONTRAIL_ENDPOINT_TEMPLATE?.trim() || DEFAULT_ENDPOINT_TEMPLATE;
  if (!endpointTemplate.includes("{region}"))
    throw new ConfigError(
      "ACTIONTRAIL_ENDPOINT_TEMPLATE must contain {region}.",
    );
  let endpointUrl: URL;
  try {
    endpointUrl = new URL(endpointTemplate.replace("{region}", "cn-hangzhou"));
  } catch {
    throw new ConfigError(
      "ACTIONTRAIL_ENDPOINT_TEMPLATE must be an http(s) URL.",
    );
  }
  if (endpointUrl.protocol !== "https:" && endpointUrl.protocol !== "http:")
    throw new ConfigError(
      "ACTIONTRAIL_ENDPOINT_TEMPLATE must be an http(s) URL.",
    );
  if (
    endpointUrl.protocol === "http:" &&
    !isLoopbackHost(endpointUrl.hostname.replace(/^\[|\]$/g, ""))
  )
    throw new ConfigError(
      "ACTIONTRAIL_ENDPOINT_TEMPLATE may use plain http only on loopback (a local stand-in).",
    );

  const trustedUserHeader =
    env.GATEWAY_TRUSTED_USER_HEADER?.trim().toLowerCase() || undefined;
  if (trustedUserHeader && !/^[a-z0-9-]+$/.test(trustedUserHeader))
    throw new ConfigError("GATEWAY_TRUSTED_USER_HEADER must be a header name.");
  const trustedProxies = list(env.GATEWAY_TRUSTED_PROXIES);
  for (const ip of trustedProxies)
    if (!isIP(ip))
      throw new ConfigError(
        `GATEWAY_TRUSTED_PROXIES: "${ip}" is not an IP address.`,
      );

  const authMode = env.GATEWAY_AUTH?.trim().toLowerCase() || "token";
  let auth: GatewayConfig["auth"];
  if (authMode === "none") {
    if (!loopback)
      throw new ConfigError(
        "GATEWAY_AUTH=none is allowed only while the gateway listens on loopback (GATEWAY_HOST=127.0.0.1).",
      );
    auth = { kind: "none" };
  } else if (authMode === "token") {
    const token = env.GATEWAY_TOKEN ?? "";
    if (token && token.length < 16)
      throw new ConfigError("GATEWAY_TOKEN must be at least 16 characters.");
    auth = token
      ? { kind: "token", token, generated: false }
      : {
          kind: "token",
          token: randomBytes(24).toString("base64url"),
          generated: true,
        };
  } else {
    throw new ConfigError('GATEWAY_AUTH must be "token" (default) or "none".');
  }

  let publicOrigin: string | undefined;
  if (env.GATEWAY_PUBLIC_ORIGIN?.trim()) {
    let parsed: URL;
    try {
      parsed = new URL(env.GATEWAY_PUBLIC_ORIGIN.trim());
    } catch {
      throw new ConfigError(
        "GATEWAY_PUBLIC_ORIGIN must be an origin such as https://trailscope.example.com.",
      );
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
      throw new ConfigError("GATEWAY_PUBLIC_ORIGIN must be an http(s) origin.");
    publicOrigin = parsed.origin;
  }

  const allowedHosts = list(env.GATEWAY_ALLOWED_HOSTS).map((h) =>
    h.toLowerCase(),
  );
  if (!loopback && !publicOrigin && allowedHosts.length === 0)
    throw new ConfigError(
      "Listening beyond loopback needs GATEWAY_PUBLIC_ORIGIN (the https://… address people open) so that cross-site requests can be told apart.",
    );

  return {
    host,
    port: integer(env, "GATEWAY_PORT", 8080, 0, 65535),
    staticDir: env.GATEWAY_STATIC_DIR?.trim() || "dist-live",
    endpointTemplate,
    auth,
    trustedUserHeader,
    trustedProxies:
      trustedProxies.length > 0
        ? trustedProxies
        : ["127.0.0.1", "::1", "::ffff:127.0.0.1"],
    publicOrigin,
    allowedHosts,
    readOnly: flag(env, "GATEWAY_READ_ONLY"),
    accountLabel: env.GATEWAY_ACCOUNT_LABEL?.trim() ?? "",
    upstreamTimeoutMs: integer(
      env,
      "GATEWAY_UPSTREAM_TIMEOUT_MS",
      20_000,
      100,
      300_000,
    ),
    requestTimeoutMs: integer(
      env,
      "GATEWAY_REQUEST_TIMEOUT_MS",
      15_000,
      100,
      300_000,
    ),
    maxBodyBytes: integer(
      env,
      "GATEWAY_MAX_BODY_BYTES",
      64 * 1024,
      0,
      16 * 1024 * 1024,
    ),
    maxResponseBytes: integer(
      env,
      "GATEWAY_MAX_RESPONSE_BYTES",
      64 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    sessionTtlMs:
      integer(env, "GATEWAY_SESSION_HOURS", 12, 1, 24 * 30) * 3_600_000,
  };
}
