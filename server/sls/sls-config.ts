/**
 * How the gateway reaches Log Service to run queries in trails' logstores:
 *  - GATEWAY_SLS_ENDPOINT: an endpoint to use for every project instead of
 *    `https://<region>.log.aliyuncs.com` (a local stand-in; plain http only
 *    on loopback). Unset in production.
 *  - GATEWAY_SLS_MAX_LINES: at most this many logs in one page (default
 *    100, Log Service's own limit for GetLogs).
 */
export interface SlsConfig {
  endpoint: string | undefined;
  maxLines: number;
}

export class SlsConfigError extends Error {
  override readonly name = "ConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Whether an endpoint URL is a loopback stand-in. */
export const isLoopbackEndpoint = (endpoint: string): boolean =>
  LOOPBACK.test(new URL(endpoint).hostname);

export function readSlsConfig(env: Env): SlsConfig {
  const raw = env.GATEWAY_SLS_ENDPOINT?.trim() || undefined;
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new SlsConfigError("GATEWAY_SLS_ENDPOINT must be an http(s) URL.");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new SlsConfigError("GATEWAY_SLS_ENDPOINT must be an http(s) URL.");
    if (url.protocol === "http:" && !LOOPBACK.test(url.hostname))
      throw new SlsConfigError(
        "GATEWAY_SLS_ENDPOINT may use plain http only on loopback (a local stand-in).",
      );
  }
  const lines = env.GATEWAY_SLS_MAX_LINES?.trim();
  let maxLines = 100;
  if (lines) {
    maxLines = Number(lines);
    if (!Number.isInteger(maxLines) || maxLines < 1 || maxLines > 100)
      throw new SlsConfigError(
        `GATEWAY_SLS_MAX_LINES must be a whole number from 1 to 100 (got "${lines}").`,
      );
  }
  return { endpoint: raw, maxLines };
}
