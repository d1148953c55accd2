import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAccount } from "../../../mocks/data/account";
import { createHandlers } from "../../../mocks/handlers";
import { readConfig } from "../../config";
import { staticCredentials } from "../../credentials";
import { startGateway } from "../../gateway";
import { createLogger } from "../../logger";
import { startStandIn } from "../../testing/actiontrail-stand-in";

/**
 * The alerts journey's world (e2e/alerts-live.spec.ts), one process the
 * journey starts, kills and starts again: a signature-checking ActionTrail
 * stand-in serving a small simulated account frozen at JOURNEY_NOW, and the
 * real gateway in front of it with its alert store at GATEWAY_ALERTS_STORE
 * and its scheduler on a clock the journey moves. A loopback control port
 * (this test world only, never the gateway) sets the clock and runs a tick:
 *   POST /clock?now=<ms>   POST /tick
 * When ready it prints one line: `journey-ready {"gateway":…,"control":…}`.
 */
const KEY = {
  accessKeyId: "LTAI5tAlertsJourneyKey1",
  accessKeySecret: "alerts-journey-secret-4Rw8Tz",
};

async function main(): Promise<void> {
  let now = Number(process.env.JOURNEY_NOW);
  if (!Number.isFinite(now)) throw new Error("set JOURNEY_NOW (epoch ms)");
  const start = now;
  const account = createAccount({
    seed: Number(process.env.JOURNEY_SEED ?? 20261123),
    now: start,
    clock: () => start,
    scale: 0.01,
    latency: [0, 0],
    rateLimits: false,
  });
  const standIn = await startStandIn({
    handlers: createHandlers(account),
    keys: [KEY],
  });
  const staticDir = mkdtempSync(join(tmpdir(), "trailscope-alerts-journey-"));
  writeFileSync(
    join(staticDir, "index.html"),
    "<!doctype html><title>Trailscope</title>",
  );
  const gateway = await startGateway(
    readConfig({
      GATEWAY_PORT: "0",
      // The live build of the console when the journey opens it in a browser.
      GATEWAY_STATIC_DIR: process.env.GATEWAY_STATIC_DIR || staticDir,
      GATEWAY_TOKEN: process.env.GATEWAY_TOKEN,
      GATEWAY_ACCOUNT_LABEL: process.env.GATEWAY_ACCOUNT_LABEL,
      ACTIONTRAIL_ENDPOINT_TEMPLATE: standIn.endpointTemplate,
      GATEWAY_ALERTS_STORE: process.env.GATEWAY_ALERTS_STORE,
      GATEWAY_ALERT_ALLOW_ADDRESSES: "127.0.0.1",
      GATEWAY_ALERTS_TICK_S: "0",
    }),
    {
      credentials: staticCredentials(KEY),
      logger: createLogger(),
      alerts: { clock: () => now, retryDelaysMs: [60_000, 120_000, 300_000] },
    },
  );
  const alerts = gateway.alerts;
  if (!alerts) throw new Error("set GATEWAY_ALERTS_STORE");

  const control = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://control.invalid");
    request.resume();
    const done = (status: number, body = "") => {
      response.writeHead(status, { "Content-Type": "text/plain" });
      response.end(body);
    };
    if (request.method !== "POST") return done(405);
    if (url.pathname === "/clock") {
      const next = Number(url.searchParams.get("now"));
      if (!Number.isFinite(next)) return done(400, "now=<epoch ms>");
      now = next;
      return done(204);
    }
    if (url.pathname === "/tick")
      return void alerts.scheduler.tick().then(
        () => done(204),
        (error: unknown) => done(500, String(error)),
      );
    return done(404);
  });
  await new Promise<void>((ready) => control.listen(0, "127.0.0.1", ready));
  process.stdout.write(
    `journey-ready ${JSON.stringify({
      gateway: gateway.url,
      control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    })}\n`,
  );
  const stop = () => {
    control.close();
    void Promise.all([gateway.close(), standIn.close()]).then(() =>
      process.exit(0),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `alerts journey server: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
