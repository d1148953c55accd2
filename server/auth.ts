import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { GatewayConfig } from "./config";

/**
 * Who may use the gateway. Three ways in, checked in this order:
 *  - a reverse proxy's user header (GATEWAY_TRUSTED_USER_HEADER), believed
 *    only when the connection comes from GATEWAY_TRUSTED_PROXIES;
 *  - `Authorization: Bearer <GATEWAY_TOKEN>` (scripts, curl);
 *  - the session cookie set by the login form after the token was typed.
 * The cookie is HttpOnly, SameSite=Strict, and stateless: an expiry and a
 * user name under an HMAC whose key is derived from the token, so changing
 * the token signs everybody out.
 */
export interface Identity {
  user: string;
  method: "proxy" | "token" | "cookie" | "none";
}

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
  private readonly key: Buffer;
  private readonly cookieName: string;
  private readonly secure: boolean;

  constructor(private readonly config: GatewayConfig) {
    this.key =
      config.auth.kind === "token" && !config.auth.generated
        ? createHmac("sha256", config.auth.token)
            .update("trailscope session v1")
            .digest()
        : randomBytes(32);
    this.secure = config.publicOrigin?.startsWith("https:") ?? false;
    this.cookieName = this.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  }

  get required(): boolean {
    return this.config.auth.kind === "token";
  }

  /** Who sent this request, or undefined when nobody we trust. */
  identify(request: IncomingMessage, now = Date.now()): Identity | undefined {
    const header = this.config.trustedUserHeader;
    if (header) {
      const value = request.headers[header];
      const user = Array.isArray(value) ? value[0] : value;
      if (user && this.fromTrustedProxy(request))
        return { user: user.slice(0, 200), method: "proxy" };
    }
    if (this.config.auth.kind === "none")
      return { user: "local", method: "none" };

    const authorization = request.headers.authorization ?? "";
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
    if (bearer !== undefined)
      return this.checkToken(bearer)
        ? { user: "token", method: "token" }
        : undefined;

    const cookie = parseCookies(request.headers.cookie).get(this.cookieName);
    const user = cookie ? this.readSession(cookie, now) : undefined;
    return user ? { user, method: "cookie" } : undefined;
  }

  checkToken(candidate: string): boolean {
    return (
      this.config.auth.kind === "token" &&
      safeEqual(candidate, this.config.auth.token)
    );
  }

  fromTrustedProxy(request: IncomingMessage): boolean {
    const peer = request.socket.remoteAddress ?? "";
    return this.config.trustedProxies.includes(peer);
  }

  /** A Set-Cookie value that signs `user` in for the configured time. */
  sessionCookie(
    user: string,
    now = Date.now(),
  ): { header: string; value: string } {
    const expires = now + this.config.sessionTtlMs;
    const payload = `${expires}.${Buffer.from(user).toString("base64url")}`;
    const value = `${payload}.${this.mac(payload)}`;
    return {
      value,
      header: `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(
        this.config.sessionTtlMs / 1000,
      )}${this.secure ? "; Secure" : ""}`,
    };
  }

  clearCookie(): string {
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secure ? "; Secure" : ""}`;
  }

  private mac(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url");
  }

  private readSession(value: string, now: number): string | undefined {
    const [expires, user, mac] = value.split(".");
    if (!expires || !user || !mac || value.split(".").length !== 3)
      return undefined;
    if (!safeEqual(mac, this.mac(`${expires}.${user}`))) return undefined;
    if (!(Number(expires) > now)) return undefined;
    return Buffer.from(user, "base64url").toString("utf8");
  }
}

/** Failed sign-ins per client address: a few tries, then a pause. */
export class LoginThrottle {
  private readonly failures = new Map<
    string,
    { count: number; since: number }
  >();
  constructor(
    private readonly limit = 10,
    private readonly windowMs = 5 * 60_000,
  ) {}

  blocked(address: string, now = Date.now()): boolean {
    const entry = this.failures.get(address);
    if (!entry) return false;
    if (now - entry.since > this.windowMs) {
      this.failures.delete(address);
      return false;
    }
    return entry.count >= this.limit;
  }

  fail(address: string, now = Date.now()): void {
    if (this.failures.size > 10_000) this.failures.clear();
    const entry = this.failures.get(address);
    if (!entry || now - entry.since > this.windowMs)
      this.failures.set(address, { count: 1, since: now });
    else entry.count += 1;
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

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

/** The sign-in page: plain HTML, no script, styled by /_gateway/login.css. */
export function loginPage(options: {
  next: string;
  error?: string;
  accountLabel: string;
}): string {
  const account = options.accountLabel
    ? `<p class="account">Account: <strong>${escapeHtml(options.accountLabel)}</strong></p>`
    : "";
  const error = options.error
    ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Trailscope</title>
<link rel="stylesheet" href="/_gateway/login.css">
</head>
<body>
<main>
<h1>Trailscope</h1>
<p>This console reads and changes a live ActionTrail account. Sign in with the gateway's access token.</p>
${account}
${error}
<form method="post" action="/_gateway/login">
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
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
@media (prefers-color-scheme: dark) { .error { color: #ff8a80; } }
`;
