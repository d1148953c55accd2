/**
 * How the gateway reaches OSS to read trails' archives:
 *  - GATEWAY_OSS_ENDPOINT: an endpoint to use for every bucket instead of
 *    `https://oss-<region>.aliyuncs.com` (a local stand-in; plain http only
 *    on loopback). Unset in production.
 *  - GATEWAY_MAX_ARCHIVE_OBJECT_BYTES: a delivered file larger than this is
 *    refused (default 64 MiB; ActionTrail's five-minute files are far
 *    smaller).
 *  - GATEWAY_MAX_ARCHIVE_FILES: at most this many files in one listing
 *    (default 100,000: 31 days of every region of a busy account).
 */
export interface OssConfig {
  endpoint: string | undefined;
  maxObjectBytes: number;
  maxListedFiles: number;
}

export class OssConfigError extends Error {
  override readonly name = "ConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function whole(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new OssConfigError(
      `${name} must be a whole number from ${min} to ${max} (got "${raw}").`,
    );
  return value;
}

export function readOssConfig(env: Env): OssConfig {
  const raw = env.GATEWAY_OSS_ENDPOINT?.trim() || undefined;
  if (raw) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OssConfigError("GATEWAY_OSS_ENDPOINT must be an http(s) URL.");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      throw new OssConfigError("GATEWAY_OSS_ENDPOINT must be an http(s) URL.");
    if (url.protocol === "http:" && !LOOPBACK.test(url.hostname))
      throw new OssConfigError(
        "GATEWAY_OSS_ENDPOINT may use plain http only on loopback (a local stand-in).",
      );
  }
  return {
    endpoint: raw,
    maxObjectBytes: whole(
      env,
      "GATEWAY_MAX_ARCHIVE_OBJECT_BYTES",
      64 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    maxListedFiles: whole(
      env,
      "GATEWAY_MAX_ARCHIVE_FILES",
      100_000,
      1,
      1_000_000,
    ),
  };
}
