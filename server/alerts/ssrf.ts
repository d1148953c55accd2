import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, isIPv4, isIPv6, type LookupFunction } from "node:net";

/**
 * Alert destinations are URLs (and SMTP hosts) typed by people: the gateway
 * must not become a way to reach what only it can reach (its own loopback,
 * the cloud metadata service at 169.254.169.254, the VPC). So:
 *  - the host is resolved once and every address it resolves to must be
 *    public (not loopback, link-local, private, unique-local, CGNAT,
 *    documentation, multicast, reserved, IPv4-mapped/compatible IPv6, or a
 *    NAT64/6to4 address wrapping one of those);
 *  - the connection goes to the address that was checked (no second lookup
 *    a rebinding DNS server could answer differently);
 *  - redirects are never followed: a 3xx answer is a failed delivery;
 *  - plain http and addresses in the blocked ranges are allowed only for
 *    addresses on the operator's explicit allow-list
 *    (GATEWAY_ALERT_ALLOW_ADDRESSES: a lab's receiver, the tests' loopback).
 */

export class DestinationRefused extends Error {
  override readonly name = "DestinationRefused";
}

interface Range {
  family: 4 | 6;
  base: bigint;
  bits: number;
  name: string;
}

const V4_RANGES: [string, number, string][] = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
];

const V6_RANGES: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["::ffff:0:0", 96, "IPv4-mapped"],
  ["::", 96, "IPv4-compatible"],
  ["64:ff9b:1::", 48, "local NAT64"],
  ["100::", 64, "discard"],
  ["2001::", 32, "Teredo"],
  ["2001:db8::", 32, "documentation"],
  ["fc00::", 7, "unique local"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local"],
  ["ff00::", 8, "multicast"],
];

function v4ToBigInt(address: string): bigint {
  return address
    .split(".")
    .reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n);
}

/** The 128-bit value of an IPv6 address (zone id dropped, dotted IPv4 tail allowed). */
export function v6ToBigInt(address: string): bigint {
  let text = address.split("%")[0]!.toLowerCase();
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  const groups = [
    ...left,
    ...(tail !== undefined ? Array<string>(missing).fill("0") : []),
    ...right,
  ];
  return groups.reduce((sum, g) => (sum << 16n) + BigInt(`0x${g || "0"}`), 0n);
}

const toRange = (
  family: 4 | 6,
  [address, bits, name]: [string, number, string],
): Range => ({
  family,
  base: family === 4 ? v4ToBigInt(address) : v6ToBigInt(address),
  bits,
  name,
});

const RANGES: Range[] = [
  ...V4_RANGES.map((r) => toRange(4, r)),
  ...V6_RANGES.map((r) => toRange(6, r)),
];

const inRange = (value: bigint, range: Range): boolean => {
  const width = range.family === 4 ? 32 : 128;
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
};

const bigIntToV4 = (value: bigint): string =>
  [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");

/**
 * Why an address may not be a destination ("loopback", "private", …), or
 * undefined for a public one. Anything that is not an IP address is refused.
 */
export function blockedRange(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, "");
  if (isIPv4(bare)) {
    const value = v4ToBigInt(bare);
    return RANGES.find((r) => r.family === 4 && inRange(value, r))?.name;
  }
  if (!isIPv6(bare.split("%")[0]!)) return "not an IP address";
  const value = v6ToBigInt(bare);
  const named = RANGES.find((r) => r.family === 6 && inRange(value, r))?.name;
  if (named) return named;
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address inside.
  if (value >> 32n === v6ToBigInt("64:ff9b::") >> 32n) {
    const inner = blockedRange(bigIntToV4(value & 0xffffffffn));
    if (inner) return `NAT64 of ${inner}`;
  }
  if (value >> 112n === 0x2002n) {
    const inner = blockedRange(bigIntToV4((value >> 80n) & 0xffffffffn));
    if (inner) return `6to4 of ${inner}`;
  }
  return undefined;
}

/** GATEWAY_ALERT_ALLOW_ADDRESSES: addresses or CIDR ranges allowed despite the checks. */
export function parseAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    if (!family)
      throw new Error(`"${entry}" is not an IP address or CIDR range.`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (family === 4 ? 32 : 128)
    )
      throw new Error(`"${entry}" has an impossible prefix length.`);
    list.addSubnet(address, prefix, type);
  }
  return list;
}

export type Resolver = (
  host: string,
) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) =>
  dnsLookup(host, { all: true, verbatim: true });

export interface TargetPolicy {
  /** Addresses allowed although they are not public (and allowed over http). */
  allow: BlockList;
  resolve: Resolver;
}

/** A checked destination: connect to `address`, name `host` (SNI, Host header). */
export interface CheckedTarget {
  host: string;
  address: string;
  family: 4 | 6;
}

const allowed = (policy: TargetPolicy, address: string, family: 4 | 6) =>
  policy.allow.check(address, family === 4 ? "ipv4" : "ipv6");

/** Resolves a host name once and checks every address it names. */
export async function checkHost(
  rawHost: string,
  policy: TargetPolicy,
): Promise<CheckedTarget> {
  const host = rawHost.replace(/^\[|\]$/g, "");
  if (!host) throw new DestinationRefused("The destination names no host.");
  let found: { address: string; family: number }[];
  if (isIP(host)) found = [{ address: host, family: isIP(host) }];
  else {
    try {
      found = await policy.resolve(host);
    } catch {
      throw new DestinationRefused(`The host ${host} could not be resolved.`);
    }
  }
  if (found.length === 0)
    throw new DestinationRefused(`The host ${host} resolves to no address.`);
  for (const { address, family } of found) {
    const fam = family === 6 ? 6 : 4;
    const why = blockedRange(address);
    if (why && !allowed(policy, address, fam))
      throw new DestinationRefused(
        `${host === address ? "The address" : `The host ${host} resolves to`} ${address}, a ${why} address: alert destinations must be public (or on GATEWAY_ALERT_ALLOW_ADDRESSES).`,
      );
  }
  const first = found[0]!;
  return {
    host,
    address: first.address,
    family: first.family === 6 ? 6 : 4,
  };
}

/** Checks a destination URL: https (http only to allow-listed addresses), no credentials in it, a public host. */
export async function checkUrl(
  raw: string,
  policy: TargetPolicy,
): Promise<{ url: URL; target: CheckedTarget }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DestinationRefused("The destination is not a URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new DestinationRefused("The destination must be an https URL.");
  if (url.username || url.password)
    throw new DestinationRefused(
      "The destination URL may not carry a user name or password.",
    );
  const target = await checkHost(url.hostname, policy);
  if (
    url.protocol === "http:" &&
    !allowed(policy, target.address, target.family)
  )
    throw new DestinationRefused(
      "The destination must be an https URL (plain http only to addresses on GATEWAY_ALERT_ALLOW_ADDRESSES).",
    );
  return { url, target };
}

/** A lookup that answers only the checked address, so the socket goes where the check looked. */
export function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_host: string, options: { all?: boolean }, callback: unknown) => {
    const done = callback as (
      error: Error | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void;
    if (options?.all)
      done(null, [{ address: target.address, family: target.family }]);
    else done(null, target.address, target.family);
  };
}

export interface PostAnswer {
  status: number;
  text: string;
}

export class DeliveryFailed extends Error {
  override readonly name = "DeliveryFailed";
  constructor(
    message: string,
    /** Whether trying again later may succeed (not for a refused destination or a 4xx). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs a body to a checked URL, connecting to the checked address, without
 * following redirects; resolves with a 2xx answer, rejects with DeliveryFailed.
 */
export async function postChecked(
  raw: string,
  body: string,
  headers: Record<string, string>,
  policy: TargetPolicy,
  timeoutMs = 10_000,
): Promise<PostAnswer> {
  let checked;
  try {
    checked = await checkUrl(raw, policy);
  } catch (error) {
    if (error instanceof DestinationRefused)
      throw new DeliveryFailed(error.message, false);
    throw error;
  }
  const { url, target } = checked;
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostAnswer>((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        lookup: pinnedLookup(target),
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Length": String(Buffer.byteLength(body)),
          "User-Agent": "Trailscope-Gateway/0.1 (alerts)",
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on("error", () =>
          reject(new DeliveryFailed("The answer was cut off.", true)),
        );
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).toString("utf8");
          if (status >= 300 && status < 400)
            reject(
              new DeliveryFailed(
                `The destination answered ${status} (a redirect): redirects are not followed.`,
                false,
              ),
            );
          else if (status < 200 || status >= 300)
            reject(
              new DeliveryFailed(
                `The destination answered HTTP ${status}.`,
                status >= 500 || status === 429 || status === 408,
              ),
            );
          else resolve({ status, text });
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    req.on("error", (error) =>
      reject(
        new DeliveryFailed(
          `The destination could not be reached: ${error.message.slice(0, 200)}`,
          true,
        ),
      ),
    );
    req.end(body);
  });
}
