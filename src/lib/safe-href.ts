/**
 * The only way event data becomes a link. Two kinds pass:
 * - an absolute `https://` URL written out in full (an external page);
 * - an app path, which must start with `/` and, once parsed with `URL`
 *   against the app's origin the way a browser would (tabs and newlines
 *   dropped, `\` read as `/`), must stay on that origin. `//host`,
 *   `/\host` and `/\t/host` all leave it and are refused.
 * Everything else (`javascript:`, `data:`, `http:`, bare words) is refused,
 * and the caller shows the value as text.
 */
export function safeHref(
  value: string,
  appOrigin: string = currentOrigin(),
): string | undefined {
  const trimmed = value.trim();
  if (/^https:\/\//i.test(trimmed)) {
    const url = parse(trimmed);
    return url?.protocol === "https:" ? url.href : undefined;
  }
  if (!trimmed.startsWith("/")) return undefined;
  const base = parse(appOrigin);
  const url = base ? parse(trimmed, base) : undefined;
  if (!base || !url || url.origin !== base.origin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

function currentOrigin(): string {
  return typeof location !== "undefined" && location.origin !== "null"
    ? location.origin
    : "http://trailscope.invalid";
}

function parse(value: string, base?: URL): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}
