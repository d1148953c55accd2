import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { GatewayConfig } from "./config";
import { SessionStore } from "./sessions";

/**
 * Who may use the gateway. Three ways in, checked in this order:
 *  - a reverse proxy's user header (GATEWAY_TRUSTED_USER_HEADER), believed
 *    only when the connection comes from GATEWAY_TRUSTED_PROXIES;
 *  - `Authorization: Bearer <GATEWAY_TOKEN>` (scripts, curl);
 *  - the session cookie set by the login form after the token was typed.
 * The cookie is HttpOnly, SameSite=Strict, and holds only a random session
 * id that the gateway keeps (./sessions.ts): signing out, rotating the token
 * and restarting the gateway end sessions for good.
 */
export interface Identity {
  user: string;
  method: "proxy" | "token" | "cookie" | "none";
  /** Whose upstream calls are counted together: the session, the token, the proxy's user. */
  sessionKey: string;
  /** The session id behind a cookie sign-in. */
  sessionId?: string;
}

/** An identity, no credential at all, or a credential that is wrong (counted by the failure limiter). */
export type AuthResult =
  | { kind: "identified"; identity: Identity }
  | { kind: "anonymous" }
  | { kind: "wrong"; credential: "token" | "session" };

export const SESSION_COOKIE = "trailscope_session";
export const SECURE_SESSION_COOKIE = "__Host-trailscope_session";

export function safeEqual(a: string, b: string): boolean {
  const left = createHmac("sha256", "trailscope-compare").update(a).digest();
  const right = createHmac("sha256", "trailscope-compare").update(b).digest();
  return timingSafeEqual(left, right);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export class Authenticator {
  private readonly cookieName: string;
  private readonly secure: boolean;
  private token: string | undefined;
  readonly sessions: SessionStore;

  constructor(private readonly config: GatewayConfig) {
    this.token = config.auth.kind === "token" ? config.auth.token : undefined;
    this.secure = config.secureTransport;
    this.cookieName = this.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
    this.sessions = new SessionStore(config.sessionTtlMs);
  }

  get required(): boolean {
    return this.config.auth.kind === "token";
  }

  /** Who sent this request, whether they sent nothing, or that what they sent is wrong. */
  authenticate(request: IncomingMessage, now = Date.now()): AuthResult {
    const header = this.config.trustedUserHeader;
    if (header) {
      const value = request.headers[header];
      const user = Array.isArray(value) ? value[0] : value;
      if (user && this.fromTrustedProxy(request)) {
        const name = user.slice(0, 200);
        return identified({
          user: name,
          method: "proxy",
          sessionKey: `proxy:${name}`,
        });
      }
    }
    if (this.config.auth.kind === "none")
      return identified({ user: "local", method: "none", sessionKey: "local" });

    const authorization = request.headers.authorization ?? "";
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    if (bearer !== undefined)
      return this.checkToken(bearer)
        ? identified({ user: "token", method: "token", sessionKey: "token" })
        : { kind: "wrong", credential: "token" };

    const cookie = parseCookies(request.headers.cookie).get(this.cookieName);
    if (!cookie) return { kind: "anonymous" };
    const user = this.sessions.lookup(cookie, now);
    return user
      ? identified({
          user,
          method: "cookie",
          sessionKey: cookie,
          sessionId: cookie,
        })
      : { kind: "wrong", credential: "session" };
  }

  /** Who sent this request, or undefined when nobody we trust. */
  identify(request: IncomingMessage, now = Date.now()): Identity | undefined {
    const result = this.authenticate(request, now);
    return result.kind === "identified" ? result.identity : undefined;
  }

  checkToken(candidate: string): boolean {
    return this.token !== undefined && safeEqual(candidate, this.token);
  }

  /** A new token (checked by the caller): every session signed in with the old one ends. */
  rotateToken(token: string): void {
    if (this.config.auth.kind !== "token")
      throw new Error("This gateway does not use a token.");
    this.token = token;
    this.sessions.revokeAll();
  }

  fromTrustedProxy(request: IncomingMessage): boolean {
    const peer = request.socket.remoteAddress ?? "";
    return this.config.trustedProxies.includes(peer);
  }

  /** Signs `user` in: a new server-side session and the Set-Cookie that carries its id. */
  sessionCookie(
    user: string,
    now = Date.now(),
  ): { header: string; value: string } {
    const value = this.sessions.create(user, now);
    return {
      value,
      header: `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(
        this.config.sessionTtlMs / 1000,
      )}${this.secure ? "; Secure" : ""}`,
    };
  }

  /** Ends the request's session (if any) and returns the Set-Cookie that clears it. */
  signOut(request: IncomingMessage): string {
    const cookie = parseCookies(request.headers.cookie).get(this.cookieName);
    if (cookie) this.sessions.revoke(cookie);
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secure ? "; Secure" : ""}`;
  }
}

const identified = (identity: Identity): AuthResult => ({
  kind: "identified",
  identity,
});

/** Only a path on this origin may follow a sign-in (no `//host`, no scheme). */
export function safeNextPath(next: string | null | undefined): string {
  if (
    !next ||
    !next.startsWith("/") ||
    next.startsWith("//") ||
    next.startsWith("/\\")
  )
    return "/";
  for (const ch of next) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return "/";
  }
  return next.slice(0, 2000);
}

export const loginStylesheet = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
main { max-width: 26rem; padding: 2rem; }
h1 { margin-top: 0; }
form { display: grid; gap: 0.5rem; }
input[type="password"] { font: inherit; padding: 0.5rem; }
button { font: inherit; padding: 0.5rem 1rem; justify-self: start; cursor: pointer; }
:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
.error { color: #b00020; font-weight: 600; }
.language { text-align: end; }
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
`;
