import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * `npm run serve:live` builds the console in live mode (VITE_API_MODE=live)
 * when the build is missing, was made in another mode, or is older than any
 * source it is made from.
 */
const SOURCES = [
  "src",
  "public",
  "index.html",
  "vite.config.ts",
  "package-lock.json",
];

/**
 * Where the build marker of `outDir` lives: outside the folder the gateway
 * serves (in the project's ignored `.vite/` cache), one per output folder.
 */
export function buildMarkerPath(root: string, outDir: string): string {
  const id = createHash("sha256")
    .update(resolve(root, outDir))
    .digest("hex")
    .slice(0, 16);
  return join(root, ".vite", "trailscope-build", `${id}.json`);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function buildIsStale(root: string, outDir: string): string | undefined {
  const marker = buildMarkerPath(root, outDir);
  if (!existsSync(join(outDir, "index.html")) || !existsSync(marker))
    return "no live build yet";
  try {
    const { mode } = JSON.parse(readFileSync(marker, "utf8")) as {
      mode?: string;
    };
    if (mode !== "live") return "the build is not a live-mode build";
  } catch {
    return "the build marker is unreadable";
  }
  const built = statSync(marker).mtimeMs;
  const newest = Math.max(
    ...SOURCES.map((source) => newestMtime(join(root, source))),
  );
  return newest > built ? "sources changed since the last build" : undefined;
}

export function buildLive(root: string, outDir: string): void {
  const result = spawnSync(
    process.platform === "win32" ? "npx.cmd" : "npx",
    [
      "vite",
      "build",
      "--outDir",
      outDir,
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, VITE_API_MODE: "live" },
    },
  );
  if (result.status !== 0)
    throw new Error(`vite build failed (exit ${result.status ?? "signal"})`);
  const marker = buildMarkerPath(root, outDir);
  mkdirSync(dirname(marker), { recursive: true });
  writeFileSync(
    marker,
    JSON.stringify({ mode: "live", builtAt: new Date().toISOString() }),
  );
}
