import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIsStale, buildMarkerPath } from "./build-if-needed";
import { bearer, call, useGatewayWorld } from "./testing/gateway-world";

const world = useGatewayWorld();

beforeAll(() => {
  const dir = world.staticDir();
  writeFileSync(join(dir, ".env"), "ALIBABA_CLOUD_ACCESS_KEY_SECRET=leak");
  writeFileSync(
    join(dir, ".trailscope-build.json"),
    '{"mode":"live","builtAt":"2026-01-01T00:00:00Z"}',
  );
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, ".git", "config"), "[core]");
  writeFileSync(join(dir, "assets", ".DS_Store"), "junk");
  writeFileSync(join(dir, "assets", "duckdb-eh-AbCd1234.wasm"), "\0asm");
});

describe("the Query page's engine", () => {
  it("is served as application/wasm, which browsers require to compile it", async () => {
    const gw = await world.gateway();
    const answer = await call(gw, "/assets/duckdb-eh-AbCd1234.wasm", {
      headers: bearer(),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/wasm");
  });
});

describe("only the built app's files are served", () => {
  it("never serves dotfiles or dot-folders, however the path is spelled", async () => {
    const gw = await world.gateway();
    for (const path of [
      "/.env",
      "/.trailscope-build.json",
      "/.git/config",
      "/assets/.DS_Store",
      "/%2eenv",
      "/assets/%2E%44S_Store",
      "/assets/..%2f.env",
    ]) {
      const answer = await call(gw, path, { headers: bearer() });
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.text).not.toMatch(/leak|\[core\]|builtAt|junk/);
    }
  });

  it("lists no directory: a folder path is the console page or 404", async () => {
    const gw = await world.gateway();
    for (const path of ["/assets/", "/assets", "/"]) {
      const answer = await call(gw, path, { headers: bearer() });
      expect(answer.text).not.toContain("index-AbCd1234");
    }
  });

  it("serves source maps only with GATEWAY_SERVE_SOURCEMAPS=1", async () => {
    const plain = await world.gateway();
    const map = "/assets/index-AbCd1234.js.map";
    expect((await call(plain, map, { headers: bearer() })).status).toBe(404);
    expect(
      (await call(plain, "/assets/index-AbCd1234.js", { headers: bearer() }))
        .status,
    ).toBe(200);
    const debugging = await world.gateway({ GATEWAY_SERVE_SOURCEMAPS: "1" });
    const answer = await call(debugging, map, { headers: bearer() });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"version":3');
  });
});

describe("the live build's marker", () => {
  it("lives outside the folder the gateway serves, and still tells a fresh build from a stale one", () => {
    const root = mkdtempSync(join(tmpdir(), "trailscope-root-"));
    try {
      const outDir = join(root, "dist-live");
      mkdirSync(outDir);
      writeFileSync(join(outDir, "index.html"), "<!doctype html>");
      const marker = buildMarkerPath(root, outDir);
      expect(relative(outDir, marker).startsWith("..")).toBe(true);
      expect(buildIsStale(root, outDir)).toBe("no live build yet");
      mkdirSync(join(marker, ".."), { recursive: true });
      writeFileSync(marker, JSON.stringify({ mode: "live" }));
      expect(buildIsStale(root, outDir)).toBeUndefined();
      expect(existsSync(join(outDir, ".trailscope-build.json"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
