import { createHmac, randomUUID } from "node:crypto";

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1), as the
 * "Request signature" page of the Alibaba Cloud API docs defines it:
 *
 *   CanonicalizedQueryString = the parameters (all but `Signature`) sorted by
 *     name, each `percentEncode(name) + "=" + percentEncode(value)`, joined by "&"
 *   StringToSign = HTTPMethod + "&" + percentEncode("/") + "&"
 *     + percentEncode(CanonicalizedQueryString)
 *   Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
 *
 * Small enough to own: it keeps the gateway free of the SDK's transport and
 * lets the tests pin it to the published worked example.
 */

export type RpcParams = Readonly<Record<string, string>>;

/** The parameters the signer owns: a caller may never set them. */
export const SIGNING_PARAMS = [
  "AccessKeyId",
  "Format",
  "Signature",
  "SignatureMethod",
  "SignatureNonce",
  "SignatureType",
  "SignatureVersion",
  "SecurityToken",
  "BearerToken",
  "Timestamp",
] as const;

const mustEncode = /[!'()*]/g;

/**
 * RFC 3986 percent-encoding of UTF-8 as the POP spec wants it: only
 * `A-Z a-z 0-9 - _ . ~` stay as they are; a space is `%20`, never `+`.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    mustEncode,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Sorts by name in code-unit order (the SDKs' order) and encodes each pair. */
export function canonicalizedQueryString(params: RpcParams): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join("&");
}

export function stringToSign(method: string, params: RpcParams): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(
    canonicalizedQueryString(params),
  )}`;
}

export function signRpc(
  method: string,
  params: RpcParams,
  accessKeySecret: string,
): string {
  return createHmac("sha1", `${accessKeySecret}&`)
    .update(stringToSign(method, params), "utf8")
    .digest("base64");
}

export interface SigningCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** Present for STS credentials (RAM roles, ECS instance roles). */
  securityToken?: string | undefined;
}

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, the Timestamp the RPC style expects. */
export const rpcTimestamp = (date: Date): string =>
  date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The request's own parameters plus the common ones, signed: what goes in
 * the query string of the upstream call. Any signing parameter the caller
 * sent is replaced, never trusted.
 */
export function signRequestParams(
  method: string,
  params: RpcParams,
  credentials: SigningCredentials,
  options: { now?: Date; nonce?: string } = {},
): Record<string, string> {
  const signed: Record<string, string> = Object.create(null) as Record<
    string,
    string
  >;
  const reserved = new Set<string>(SIGNING_PARAMS);
  for (const [name, value] of Object.entries(params)) {
    if (!reserved.has(name)) signed[name] = value;
  }
  signed.Format = "JSON";
  signed.AccessKeyId = credentials.accessKeyId;
  signed.SignatureMethod = "HMAC-SHA1";
  signed.SignatureVersion = "1.0";
  signed.SignatureNonce = options.nonce ?? randomUUID();
  signed.Timestamp = rpcTimestamp(options.now ?? new Date());
  if (credentials.securityToken)
    signed.SecurityToken = credentials.securityToken;
  signed.Signature = signRpc(method, signed, credentials.accessKeySecret);
  return signed;
}

/** The encoded query string of signed parameters (Signature included). */
export function toQueryString(params: RpcParams): string {
  return Object.keys(params)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name]!)}`)
    .join("&");
}
