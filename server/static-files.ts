import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  // The Query page's engine (DuckDB-WASM): browsers compile it only with this type.
  ".wasm": "application/wasm",
};

/** Vite's hashed build output (`assets/name-<hash>.js`) never changes: cache it for a year. */
const HASHED = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * Serves the built console: files from `root`, `index.html` for any other
 * page path (the router's routes), 404 for missing files that have an
 * extension. Paths never leave `root`; no dotfile or dot-folder is served
 * (`.env`, `.git/…`), no directory is listed, and source maps only when
 * `sourcemaps` is on (GATEWAY_SERVE_SOURCEMAPS=1).
 */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  headers: Record<string, string>,
  options: { sourcemaps?: boolean } = {},
): Promise<void> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = "\u0000";
  }
  const file = decoded.includes("\u0000")
    ? undefined
    : resolve(join(base, decoded));
  const hidden =
    decoded.split(/[/\\]/).some((segment) => segment.startsWith(".")) ||
    (!options.sourcemaps && extname(decoded).toLowerCase() === ".map");
  const inside =
    !hidden &&
    file !== undefined &&
    (file === base || file.startsWith(base + sep));

  let target: string | undefined;
  if (inside && file !== base) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) target = file;
  }
  let immutable = target !== undefined && HASHED.test(pathname);
  if (!target) {
    if (extname(decoded) !== "" || !inside) {
      response.writeHead(404, {
        ...headers,
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      });
      response.end("Not found\n");
      return;
    }
    target = join(base, "index.html");
    immutable = false;
  }
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) {
    response.writeHead(503, {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
    });
    response.end("The console is not built yet: run npm run serve:live.\n");
    return;
  }
  response.writeHead(200, {
    ...headers,
    "Content-Type":
      TYPES[extname(target).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": String(info.size),
    "Cache-Control": immutable
      ? "public, max-age=31536000, immutable"
      : "no-cache",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(target).pipe(response);
}
