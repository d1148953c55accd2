/**
 * The headers every gateway response carries. The Content-Security-Policy is
 * also the one `vite preview` serves the console with (vite.config.ts imports
 * it from here, so the gateway needs no build tooling at run time).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // DuckDB-WASM (the Query page) compiles WebAssembly: 'wasm-unsafe-eval'
  // allows exactly that, not eval or new Function.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(options: {
  https: boolean;
}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.https
      ? { "Strict-Transport-Security": "max-age=31536000" }
      : {}),
  };
}
