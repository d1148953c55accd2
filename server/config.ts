import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import {
  OssConfigError,
  readOssConfig,
  type OssConfig,
} from "./oss/oss-config";
import {
  readSlsConfig,
  SlsConfigError,
  type SlsConfig,
} from "./sls/sls-config";
import { TOKEN_HOW_TO, tokenWeakness } from "./token-strength";

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
  /** GATEWAY_TLS_TERMINATED_BY_PROXY: browsers reach the gateway over https through a trusted proxy. */
  tlsTerminatedByProxy: boolean;
  /** Browsers use https (an https public origin, or TLS ended by the proxy): Secure cookies and HSTS. */
  secureTransport: boolean;
  /** GATEWAY_SERVE_SOURCEMAPS: serve the build's `.map` files (off by default). */
  serveSourcemaps: boolean;
  /** Upstream calls in flight at once, overall and per session; more are answered Throttling. */
  maxUpstreamCalls: number;
  maxUpstreamCallsPerSession: number;
  readOnly: boolean;
  accountLabel: string;
  upstreamTimeoutMs: number;
  requestTimeoutMs: number;
  maxBodyBytes: number;
  maxResponseBytes: number;
  sessionTtlMs: number;
  /** Alert rules run by the gateway (server/alerts); off without a store path. */
  alerts: AlertsConfig;
  /** Reading trails' archives in OSS (./oss/oss-config.ts). */
  oss: OssConfig;
  /** Running queries in trails' logstores (./sls/sls-config.ts). */
  sls: SlsConfig;
}

export interface AlertsConfig {
  /** GATEWAY_ALERTS_STORE: the JSON file that keeps rules, destinations and history. */
  storePath: string | undefined;
  /** GATEWAY_ALERT_ALLOW_ADDRESSES: addresses/CIDRs destinations may use although not public (labs, tests). */
  allowAddresses: readonly string[];
  /** GATEWAY_ALERT_REGIONS: the regions every rule reads (default cn-hangzhou). */
  regions: readonly string[];
  /** GATEWAY_ALERTS_TICK_S: how often the scheduler looks for due rules and deliveries; 0 leaves it to the caller. */
  tickMs: number;
  /** GATEWAY_ALERTS_TRAIL_CHECK_S: how often the scheduler looks at every trail's delivery (GetTrailStatus); 0 turns the trail watch off. */
  trailCheckMs: number;
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
    const weakness = token ? tokenWeakness(token) : undefined;
    if (weakness)
      throw new ConfigError(
        `GATEWAY_TOKEN is too weak: ${weakness}. Use at least 22 random base64url characters (128 bits). ${TOKEN_HOW_TO}`,
      );
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
  const tlsTerminatedByProxy = flag(env, "GATEWAY_TLS_TERMINATED_BY_PROXY");
  checkTransport({
    loopback,
    publicOrigin,
    allowedHosts,
    tlsTerminatedByProxy,
    proxiesGiven: trustedProxies.length > 0,
  });

  const alerts = readAlertsConfig(env);

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
    tlsTerminatedByProxy,
    secureTransport:
      tlsTerminatedByProxy || (publicOrigin?.startsWith("https:") ?? false),
    serveSourcemaps: flag(env, "GATEWAY_SERVE_SOURCEMAPS"),
    maxUpstreamCalls: integer(env, "GATEWAY_MAX_UPSTREAM_CALLS", 64, 1, 10_000),
    maxUpstreamCallsPerSession: integer(
      env,
      "GATEWAY_MAX_UPSTREAM_CALLS_PER_SESSION",
      16,
      1,
      10_000,
    ),
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
    alerts,
    oss: ossSettings(env),
    sls: slsSettings(env),
  };
}

const REGION_ID = /^[a-z]{2,12}(?:-[a-z0-9]{1,20}){1,4}$/;

function readAlertsConfig(env: Env): AlertsConfig {
  const allowAddresses = list(env.GATEWAY_ALERT_ALLOW_ADDRESSES);
  for (const entry of allowAddresses) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (
      !family ||
      (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))
    )
      throw new ConfigError(
        `GATEWAY_ALERT_ALLOW_ADDRESSES: "${entry}" is not an IP address or CIDR range.`,
      );
  }
  const regions = list(env.GATEWAY_ALERT_REGIONS);
  for (const region of regions)
    if (!REGION_ID.test(region))
      throw new ConfigError(
        `GATEWAY_ALERT_REGIONS: "${region}" is not a region ID (e.g. cn-hangzhou).`,
      );
  return {
    storePath: env.GATEWAY_ALERTS_STORE?.trim() || undefined,
    allowAddresses,
    regions: regions.length > 0 ? regions : ["cn-hangzhou"],
    tickMs: integer(env, "GATEWAY_ALERTS_TICK_S", 15, 0, 3_600) * 1_000,
    trailCheckMs:
      integer(env, "GATEWAY_ALERTS_TRAIL_CHECK_S", 300, 0, 86_400) * 1_000,
  };
}

function slsSettings(env: Env): SlsConfig {
  try {
    return readSlsConfig(env);
  } catch (error) {
    if (error instanceof SlsConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

function ossSettings(env: Env): OssConfig {
  try {
    return readOssConfig(env);
  } catch (error) {
    if (error instanceof OssConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Beyond loopback the token and the session cookie cross a network: browsers
 * must reach the gateway over https, either directly named by an https
 * GATEWAY_PUBLIC_ORIGIN or through a TLS-terminating proxy the operator
 * vouches for (GATEWAY_TLS_TERMINATED_BY_PROXY=1 with GATEWAY_TRUSTED_PROXIES).
 */
function checkTransport(options: {
  loopback: boolean;
  publicOrigin: string | undefined;
  allowedHosts: readonly string[];
  tlsTerminatedByProxy: boolean;
  proxiesGiven: boolean;
}): void {
  const { loopback, publicOrigin, tlsTerminatedByProxy } = options;
  if (tlsTerminatedByProxy && !options.proxiesGiven)
    throw new ConfigError(
      "GATEWAY_TLS_TERMINATED_BY_PROXY=1 needs GATEWAY_TRUSTED_PROXIES: the address(es) of the proxy that ends TLS in front of the gateway.",
    );
  if (loopback) return;
  if (!publicOrigin && options.allowedHosts.length === 0)
    throw new ConfigError(
      "Listening beyond loopback needs GATEWAY_PUBLIC_ORIGIN (the https://… address people open) so that cross-site requests can be told apart.",
    );
  if (publicOrigin?.startsWith("http:"))
    throw new ConfigError(
      `GATEWAY_PUBLIC_ORIGIN is ${publicOrigin}: beyond loopback the access token and the session cookie would travel in clear. Serve the gateway over https and set GATEWAY_PUBLIC_ORIGIN=https://…`,
    );
  if (!publicOrigin && !tlsTerminatedByProxy)
    throw new ConfigError(
      "Listening beyond loopback needs https: set GATEWAY_PUBLIC_ORIGIN=https://… (the address people open), or GATEWAY_TLS_TERMINATED_BY_PROXY=1 with GATEWAY_TRUSTED_PROXIES when a proxy ends TLS in front of the gateway.",
    );
}
