/**
 * Structured logs: one JSON object per line. Callers log only chosen fields
 * (method, path without its query, action, region, status, timings, the
 * RequestId) — never headers, cookies, query strings or bodies. As a second
 * line of defence every secret the gateway knows (its token, AccessKey
 * secrets, STS tokens, signatures, session cookies) is registered with
 * `redact()` and replaced wherever it would appear.
 */
export type LogLevel = "info" | "warn" | "error";

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** Never print this value (a secret the gateway handles). */
  redact(secret: string | undefined): void;
}

const REDACTED = "[redacted]";
const MAX_SECRETS = 256;

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
): Logger {
  // Bounded: signatures and STS tokens change; keep the most recent ones.
  const secrets = new Set<string>();
  return {
    redact(secret) {
      if (!secret || secret.length < 6) return;
      secrets.delete(secret);
      secrets.add(secret);
      if (secrets.size > MAX_SECRETS) {
        const oldest = secrets.values().next().value;
        if (oldest !== undefined) secrets.delete(oldest);
      }
    },
    log(level, msg, fields = {}) {
      let line = JSON.stringify({
        time: clock().toISOString(),
        level,
        msg,
        ...fields,
      });
      for (const secret of secrets) {
        if (line.includes(secret)) line = line.split(secret).join(REDACTED);
        const encoded = JSON.stringify(secret).slice(1, -1);
        if (encoded !== secret && line.includes(encoded))
          line = line.split(encoded).join(REDACTED);
      }
      write(line);
    },
  };
}
