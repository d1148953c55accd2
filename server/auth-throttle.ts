import type { IncomingMessage } from "node:http";
import { isIP, isIPv6 } from "node:net";
import type { GatewayConfig } from "./config";

/**
 * Limits wrong credentials (Bearer tokens, sign-in form tokens, unknown
 * session cookies) on every path, without ever refusing the right one: a
 * correct token or a live session always passes, so an attacker behind the
 * same proxy or address cannot lock anyone out. Only failures are counted.
 *
 * - Per source (the client address, or the first address before the trusted
 *   proxies in X-Forwarded-For; IPv6 by /64): a bucket of `burst` failures
 *   that refills one every `refillMs`.
 * - Overall: one more bucket for all sources together, so an attacker with
 *   many addresses is slowed down as a whole.
 * - The per-source table has a fixed size. When full, it forgets a source
 *   whose bucket has refilled (an innocent one) first, otherwise the one with
 *   the fewest recent failures: the busiest attackers stay remembered.
 */
export interface Verdict {
  limited: boolean;
  /** Whole seconds until another attempt from this source is counted again. */
  retryAfterS: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export interface FailureLimiterOptions {
  burst?: number;
  refillMs?: number;
  globalBurst?: number;
  globalRefillMs?: number;
  maxSources?: number;
}

export class FailureLimiter {
  private readonly sources = new Map<string, Bucket>();
  private readonly global: Bucket;
  private readonly burst: number;
  private readonly refillMs: number;
  private readonly globalBurst: number;
  private readonly globalRefillMs: number;
  readonly maxSources: number;

  constructor(options: FailureLimiterOptions = {}, now = Date.now()) {
    this.burst = options.burst ?? 10;
    this.refillMs = options.refillMs ?? 30_000;
    this.globalBurst = options.globalBurst ?? 200;
    this.globalRefillMs = options.globalRefillMs ?? 200;
    this.maxSources = options.maxSources ?? 4096;
    this.global = { tokens: this.globalBurst, updated: now };
  }

  get trackedSources(): number {
    return this.sources.size;
  }

  /** Records one wrong credential from `source`; limited when its budget (or everyone's) is spent. */
  fail(source: string, now = Date.now()): Verdict {
    let bucket = this.sources.get(source);
    if (bucket) {
      refill(bucket, now, this.burst, this.refillMs);
    } else {
      if (this.sources.size >= this.maxSources) this.evict(now);
      bucket = { tokens: this.burst, updated: now };
      this.sources.set(source, bucket);
    }
    refill(this.global, now, this.globalBurst, this.globalRefillMs);
    if (bucket.tokens < 1)
      return { limited: true, retryAfterS: wait(bucket, this.refillMs) };
    if (this.global.tokens < 1) {
      bucket.tokens -= 1;
      return {
        limited: true,
        retryAfterS: Math.max(1, wait(this.global, this.globalRefillMs)),
      };
    }
    bucket.tokens -= 1;
    this.global.tokens -= 1;
    return { limited: false, retryAfterS: 0 };
  }

  private evict(now: number): void {
    let victim: string | undefined;
    let most = -1;
    for (const [source, bucket] of this.sources) {
      refill(bucket, now, this.burst, this.refillMs);
      if (bucket.tokens >= this.burst) {
        victim = source;
        break;
      }
      if (bucket.tokens > most) {
        most = bucket.tokens;
        victim = source;
      }
    }
    if (victim !== undefined) this.sources.delete(victim);
  }
}

function refill(bucket: Bucket, now: number, burst: number, refillMs: number) {
  const elapsed = Math.max(0, now - bucket.updated);
  bucket.tokens = Math.min(burst, bucket.tokens + elapsed / refillMs);
  bucket.updated = now;
}

const wait = (bucket: Bucket, refillMs: number): number =>
  Math.max(1, Math.ceil(((1 - bucket.tokens) * refillMs) / 1000));

/**
 * Whom a failure is counted against: the peer address, or, when the peer is
 * a trusted proxy, the nearest address before it in X-Forwarded-For (a client
 * can prepend anything; the entries the proxies appended are true).
 */
export function clientSource(
  request: IncomingMessage,
  config: Pick<GatewayConfig, "trustedProxies">,
): string {
  const trusted = new Set(config.trustedProxies.map(normalise));
  let address = normalise(request.socket.remoteAddress ?? "");
  const forwarded = request.headers["x-forwarded-for"];
  if (forwarded !== undefined && trusted.has(address)) {
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)
      .split(",")
      .map((hop) => normalise(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    while (hops.length > 0 && trusted.has(address)) address = hops.pop()!;
  }
  return isIPv6(address) ? `${prefix64(address)}::/64` : address;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return (mapped ?? address).toLowerCase().slice(0, 64);
}

/** The first four groups of an IPv6 address, `::` expanded. */
function prefix64(address: string): string {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [
          ...left,
          ...Array<string>(8 - left.length - right.length).fill("0"),
          ...right,
        ];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}
