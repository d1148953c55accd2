/**
 * The gateway's sign-in page in Chinese and English: plain HTML, no script
 * (the CSP allows none), styled by /_gateway/login.css. The language comes
 * from `lang` (the switch link, or the form's hidden field), else from the
 * browser's Accept-Language (zh → Chinese), else English.
 */

export type SignInLanguage = "zh-CN" | "en-US";

const isLanguage = (value: unknown): value is SignInLanguage =>
  value === "zh-CN" || value === "en-US";

/** The first of the browser's languages (by q-value) that is Chinese or English decides. */
export function pickSignInLanguage(
  chosen: string | null | undefined,
  acceptLanguage: string | undefined,
): SignInLanguage {
  if (isLanguage(chosen)) return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params
        .map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1])
        .find((v) => v !== undefined);
      return {
        tag: tag.toLowerCase(),
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en-US";
  }
  return "en-US";
}

/** Trailscope's words on the page; the gateway's codes stay as sent elsewhere. */
const TEXT = {
  "en-US": {
    title: "Sign in · Trailscope",
    intro:
      "This console reads and changes a live ActionTrail account. Sign in with the gateway's access token.",
    account: "Account:",
    token: "Access token",
    submit: "Sign in",
    wrongToken: "That access token is not right.",
    limited:
      "Too many wrong tokens from your address. Wait a minute and try again.",
    other: "中文",
    otherLabel: "切换到中文",
  },
  "zh-CN": {
    title: "登录 · Trailscope",
    intro:
      "此控制台读取并更改一个真实的操作审计账号。请使用网关的访问令牌登录。",
    account: "账号：",
    token: "访问令牌",
    submit: "登录",
    wrongToken: "访问令牌不正确。",
    limited: "来自您地址的错误令牌过多。请等待一分钟后重试。",
    other: "English",
    otherLabel: "Switch to English",
  },
} as const;

export type SignInError = "wrongToken" | "limited";

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function signInPage(options: {
  next: string;
  language: SignInLanguage;
  error?: SignInError | undefined;
  accountLabel: string;
}): string {
  const { language } = options;
  const text = TEXT[language];
  const other: SignInLanguage = language === "zh-CN" ? "en-US" : "zh-CN";
  const switchHref = `/_gateway/login?${new URLSearchParams({ lang: other, next: options.next }).toString()}`;
  const account = options.accountLabel
    ? `<p class="account">${text.account} <strong>${escapeHtml(options.accountLabel)}</strong></p>`
    : "";
  const error = options.error
    ? `<p class="error" role="alert">${text[options.error]}</p>`
    : "";
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<link rel="stylesheet" href="/_gateway/login.css">
</head>
<body>
<main>
<nav class="language"><a href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}" aria-label="${text.otherLabel}">${text.other}</a></nav>
<h1>Trailscope</h1>
<p>${text.intro}</p>
${account}
${error}
<form method="post" action="/_gateway/login">
<input type="hidden" name="next" value="${escapeHtml(options.next)}">
<input type="hidden" name="lang" value="${language}">
<label for="token">${text.token}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">${text.submit}</button>
</form>
</main>
</body>
</html>
`;
}
