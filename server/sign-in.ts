import { safeNextPath } from "./auth";
import { countFailure, type Exchange, type GatewayContext } from "./context";
import { Refusal } from "./envelope";
import { checkSameOrigin } from "./origin";
import { readBody } from "./read-body";
import { pickSignInLanguage, signInPage } from "./sign-in-page";

/**
 * `/_gateway/login` (the sign-in form and its POST) and `/_gateway/logout`.
 * A wrong token counts against its source like a wrong Bearer token; the
 * right one always signs in and starts a new server-side session.
 */
export async function handleLogin(
  ctx: GatewayContext,
  exchange: Exchange,
): Promise<void> {
  const { config, auth, replies } = ctx;
  const { request, response, url, entry, requestId } = exchange;
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD") {
    const next = safeNextPath(url.searchParams.get("next"));
    const language = pickSignInLanguage(
      url.searchParams.get("lang"),
      request.headers["accept-language"],
    );
    if (auth.identify(request)) {
      replies.redirect(response, next);
      return;
    }
    replies.html(
      response,
      200,
      signInPage({ next, language, accountLabel: config.accountLabel }),
    );
    return;
  }
  if (method !== "POST") {
    replies.error(
      response,
      requestId,
      "MethodNotAllowed",
      "Sign in with the form.",
    );
    return;
  }
  if (!checkSameOrigin(request, config, { write: true }).ok) {
    entry.refused = "cross-site";
    replies.error(
      response,
      requestId,
      "CrossSiteRequest",
      "Cross-site sign-in is refused.",
    );
    return;
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(
      (await readBody(request, 4096, config.requestTimeoutMs)).toString("utf8"),
    );
  } catch (error) {
    const refusal =
      error instanceof Refusal
        ? error
        : new Refusal("InvalidRequest", "Unreadable form.");
    replies.error(response, requestId, refusal.kind, refusal.message, {
      ...(refusal.options.close ? { Connection: "close" } : {}),
    });
    return;
  }
  const next = safeNextPath(form.get("next"));
  const language = pickSignInLanguage(
    form.get("lang"),
    request.headers["accept-language"],
  );
  if (!auth.checkToken(form.get("token") ?? "")) {
    const admission = countFailure(ctx, exchange);
    const retryAfterS =
      !admission.ok && admission.why === "limited"
        ? admission.retryAfterS
        : undefined;
    const limited = retryAfterS !== undefined;
    replies.html(
      response,
      limited ? 429 : 401,
      signInPage({
        next,
        language,
        error: limited ? "limited" : "wrongToken",
        accountLabel: config.accountLabel,
      }),
      limited ? { "Retry-After": String(retryAfterS) } : {},
    );
    return;
  }
  const cookie = auth.sessionCookie("token");
  entry.user = "token";
  replies.redirect(response, next, { "Set-Cookie": cookie.header });
}

export function handleLogout(ctx: GatewayContext, exchange: Exchange): void {
  const { request, response, requestId, entry } = exchange;
  if (request.method !== "POST") {
    ctx.replies.error(
      response,
      requestId,
      "MethodNotAllowed",
      "Sign out with POST.",
    );
    return;
  }
  if (!checkSameOrigin(request, ctx.config, { write: true }).ok) {
    entry.refused = "cross-site";
    ctx.replies.error(
      response,
      requestId,
      "CrossSiteRequest",
      "Cross-site requests are refused.",
    );
    return;
  }
  ctx.replies.redirect(response, "/_gateway/login", {
    "Set-Cookie": ctx.auth.signOut(request),
  });
}
