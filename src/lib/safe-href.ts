/**
 * The only way event data becomes a link: `https:` URLs and app-relative paths
 * pass; everything else (`javascript:`, `data:`, `http:`, protocol-relative
 * `//host`) is refused, and the caller shows the value as text.
 */
export function safeHref(value: string): string | undefined {
  const trimmed = value.trim();
  if (
    trimmed.startsWith("/") &&
    !trimmed.startsWith("//") &&
    !trimmed.startsWith("/\\")
  )
    return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
