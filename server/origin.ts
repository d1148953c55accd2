import type { IncomingMessage } from "node:http";
import type { GatewayConfig } from "./config";

/**
 * Requests from other sites never reach ActionTrail. Two checks:
 *  - the Host header must name this gateway (loopback names with its port,
 *    GATEWAY_PUBLIC_ORIGIN's host, GATEWAY_ALLOWED_HOSTS): a DNS-rebinding
 *    page cannot talk to a gateway on 127.0.0.1 through its own name;
 *  - a browser's `Sec-Fetch-Site` must be `same-origin` (or `none`, a typed
 *    address, for reads) and an `Origin`, when sent, must be this origin.
 * A client that sends neither (curl, scripts) is no browser and cannot carry
 * a victim's cookie; it still has to authenticate.
 */
export function allowedHosts(config: GatewayConfig, port: number): Set<string> {
  const hosts = new Set(config.allowedHosts);
  if (config.publicOrigin)
    hosts.add(new URL(config.publicOrigin).host.toLowerCase());
  for (const name of ["127.0.0.1", "localhost", "[::1]"])
    hosts.add(`${name}:${port}`);
  if (port === 80)
    for (const name of ["127.0.0.1", "localhost", "[::1]"]) hosts.add(name);
  return hosts;
}

export function hostAllowed(
  request: IncomingMessage,
  hosts: ReadonlySet<string>,
): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && hosts.has(host);
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

export function checkSameOrigin(
  request: IncomingMessage,
  config: GatewayConfig,
  options: { write: boolean },
): OriginVerdict {
  const site = header(request, "sec-fetch-site");
  if (site !== undefined) {
    const fine = site === "same-origin" || (site === "none" && !options.write);
    if (!fine) return { ok: false, reason: `Sec-Fetch-Site is ${site}` };
  }
  const origin = header(request, "origin");
  if (origin !== undefined) {
    // With Referrer-Policy no-referrer a browser's own form POST carries
    // `Origin: null`; Sec-Fetch-Site (checked above) then vouches for it.
    if (origin === "null" && site === "same-origin") return { ok: true };
    const expected =
      config.publicOrigin ?? `http://${request.headers.host ?? ""}`;
    if (origin.toLowerCase() !== expected.toLowerCase())
      return { ok: false, reason: "Origin is another site" };
  }
  return { ok: true };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
