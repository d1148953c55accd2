import { SESSION_ID_SHAPE } from "./sessions";

/**
 * Structured logs: one JSON object per line. Callers log only chosen fields
 * (method, path without its query, action, region, status, timings, the
 * RequestId) — never headers, cookies, query strings or bodies. As a second
 * line of defence secrets are redacted by what they are, never by how recent
 * they are:
 *  - the long-lived secrets the gateway holds (its token, AccessKey secrets,
 *    STS tokens) are registered with `redact()` and kept for the life of the
 *    process (a handful: the token and each credential the chain returned);
 *  - per-request secrets are recognised by their shape wherever they appear:
 *    RPC signatures (HMAC-SHA1, 28 base64 characters, also percent-encoded)
 *    and session ids (`ts1_` + 43 base64url characters);
 *  - a `path` or `url` field loses its query string.
 */
export type LogLevel = "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** Never print this long-lived value (a secret the gateway holds). */
  redact(secret: string | undefined): void;
}

const REDACTED = "[redacted]";
const SIGNATURE_SHAPE = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{27}=/g;
const ENCODED_SIGNATURE_SHAPE =
  /(?<![A-Za-z0-9%])(?:[A-Za-z0-9]|%2[BbFf]){27,81}%3[Dd]/g;
const URL_FIELDS = new Set(["path", "url", "next", "location"]);

/** The line with every secret the logger knows of, by value or by shape, replaced. */
export function redactLine(line: string, secrets: Iterable<string>): string {
  let out = line;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    const encoded = JSON.stringify(secret).slice(1, -1);
    if (encoded !== secret && out.includes(encoded))
      out = out.split(encoded).join(REDACTED);
  }
  return out
    .replace(SESSION_ID_SHAPE, REDACTED)
    .replace(SIGNATURE_SHAPE, REDACTED)
    .replace(ENCODED_SIGNATURE_SHAPE, REDACTED);
}

function withoutQueries(fields: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields))
    out[name] =
      URL_FIELDS.has(name) && typeof value === "string"
        ? value.split("?")[0]
        : value;
  return out;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
): Logger {
  const secrets = new Set<string>();
  return {
    redact(secret) {
      if (secret && secret.length >= 6) secrets.add(secret);
    },
    log(level, msg, fields = {}) {
      const line = JSON.stringify({
        time: clock().toISOString(),
        level,
        msg,
        ...withoutQueries(fields),
      });
      write(redactLine(line, secrets));
    },
  };
}
