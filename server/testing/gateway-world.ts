import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { RequestHandler } from "msw";
import { createAccount } from "@mocks/data/account";
import { createHandlers } from "@mocks/handlers";
import { server as mockServer, TEST_SEED } from "@mocks/node";
import { readConfig, type GatewayConfig } from "../config";
import { staticCredentials } from "../credentials";
import { startGateway, type RunningGateway } from "../gateway";
import { createLogger } from "../logger";
import type { SigningCredentials } from "../signature";
import { startStandIn, type RunningStandIn } from "./actiontrail-stand-in";
import { httpCall, type HttpAnswer } from "./http-client";

/**
 * The gateway's test world for one test file: a stand-in ActionTrail on
 * loopback, a folder with a small built console, gateways started per test
 * (closed after each), and every log line they wrote. Real sockets: the
 * browser-side msw interception of the shared setup is off for the file.
 */
export const TEST_KEY: SigningCredentials = {
  accessKeyId: "LTAI5tGatewayTestKey01",
  accessKeySecret: "gw-secret-Zq8vN2pLk4Xr7T",
};
export const TEST_TOKEN = "console-token-4f9a7c2e81b6d035";

export interface GatewayWorld {
  standIn(): RunningStandIn;
  staticDir(): string;
  logLines: string[];
  gateway(
    env?: Record<string, string>,
    credentials?: SigningCredentials,
  ): Promise<RunningGateway>;
}

export interface GatewayWorldOptions {
  /** The stand-in's handlers; by default a small simulated account. */
  handlers?: () => readonly RequestHandler[];
  /** More keys the stand-in accepts, beside TEST_KEY (an STS key, say). */
  keys?: readonly SigningCredentials[];
  /** Settings every gateway of the file starts with (a test's own win). */
  env?: Record<string, string>;
  /** More files in the built console's folder, by relative path. */
  files?: Record<string, string>;
}

export function useGatewayWorld(
  options: GatewayWorldOptions = {},
): GatewayWorld {
  let standIn: RunningStandIn | undefined;
  let staticDir: string | undefined;
  const gateways: RunningGateway[] = [];
  const logLines: string[] = [];

  beforeAll(async () => {
    mockServer.close();
    staticDir = mkdtempSync(join(tmpdir(), "trailscope-gateway-"));
    mkdirSync(join(staticDir, "assets"));
    writeFileSync(
      join(staticDir, "index.html"),
      "<!doctype html><title>Trailscope</title><div id=root></div>",
    );
    writeFileSync(
      join(staticDir, "assets", "index-AbCd1234.js"),
      "console.log('console');\n//# sourceMappingURL=index-AbCd1234.js.map",
    );
    writeFileSync(
      join(staticDir, "assets", "index-AbCd1234.js.map"),
      '{"version":3,"sources":["../src/main.tsx"]}',
    );
    for (const [path, text] of Object.entries(options.files ?? {}))
      writeFileSync(join(staticDir, path), text);
    standIn = await startStandIn({
      handlers:
        options.handlers?.() ??
        createHandlers(
          createAccount({
            seed: TEST_SEED,
            scale: 0.01,
            latency: [0, 0],
            rateLimits: false,
          }),
        ),
      keys: [TEST_KEY, ...(options.keys ?? [])],
    });
  });
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((g) => g.close()));
  });
  afterAll(async () => {
    await standIn?.close();
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    mockServer.listen({ onUnhandledRequest: "error" });
  });

  return {
    standIn: () => standIn!,
    staticDir: () => staticDir!,
    logLines,
    async gateway(env = {}, credentials = TEST_KEY) {
      const config: GatewayConfig = readConfig({
        GATEWAY_PORT: "0",
        GATEWAY_STATIC_DIR: staticDir!,
        GATEWAY_TOKEN: TEST_TOKEN,
        ACTIONTRAIL_ENDPOINT_TEMPLATE: standIn!.endpointTemplate,
        ...options.env,
        ...env,
      });
      const running = await startGateway(config, {
        credentials: staticCredentials(credentials),
        logger: createLogger((line) => logLines.push(line)),
      });
      gateways.push(running);
      return running;
    },
  };
}

export const bearer = (token = TEST_TOKEN) => ({
  Authorization: `Bearer ${token}`,
});

/** What a same-origin fetch from the console sends. */
export const fromConsole = (gw: RunningGateway, token = TEST_TOKEN) => ({
  ...bearer(token),
  Origin: gw.url,
  "Sec-Fetch-Site": "same-origin",
});

export const apiPath = (
  action: string,
  params: Record<string, string> = {},
  region = "cn-hangzhou",
) =>
  `/api/${region}/?${new URLSearchParams({ Action: action, Version: "2020-07-06", ...params }).toString()}`;

export const call = (
  gw: RunningGateway,
  path: string,
  options: Parameters<typeof httpCall>[1] = {},
): Promise<HttpAnswer> => httpCall(`${gw.url}${path}`, options);

/** Signs in through the form as a browser would; returns the `name=value` cookie. */
export async function signIn(
  gw: RunningGateway,
  token = TEST_TOKEN,
): Promise<string> {
  const answer = await call(gw, "/_gateway/login", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: gw.url,
      "Sec-Fetch-Site": "same-origin",
    },
    body: new URLSearchParams({ token, next: "/" }).toString(),
  });
  const cookie = answer.headers["set-cookie"]?.[0]?.split(";")[0];
  if (answer.status !== 303 || !cookie)
    throw new Error(`sign-in failed with ${answer.status}`);
  return cookie;
}
