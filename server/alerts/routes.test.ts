import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@mocks/data/account";
import { createHandlers } from "@mocks/handlers";
import { TEST_NOW, TEST_SEED } from "@mocks/node";
import { readConfig } from "../config";
import { staticCredentials } from "../credentials";
import { startGateway, type RunningGateway } from "../gateway";
import { createLogger } from "../logger";
import {
  apiPath,
  bearer,
  call,
  fromConsole,
  TEST_KEY,
  TEST_TOKEN,
  useGatewayWorld,
} from "../testing/gateway-world";
import { verifyWebhook } from "./destinations";

/**
 * The gateway's alert routes end to end on loopback: a stand-in ActionTrail
 * serving a small simulated account frozen at TEST_NOW, a webhook receiver
 * that checks the HMAC, the scheduler's clock driven by the test.
 */
const world = useGatewayWorld({
  handlers: () =>
    createHandlers(
      createAccount({
        seed: TEST_SEED,
        now: TEST_NOW,
        clock: () => TEST_NOW,
        scale: 0.01,
        latency: [0, 0],
        rateLimits: false,
      }),
    ),
});

const HOOK_SECRET = "whsec-routes-5c1d9e2a7b";
let folder: string;
let receiver: Server;
let receiverUrl: string;
const received: { verified: boolean; body: Record<string, unknown> }[] = [];
const logLines: string[] = [];
const gateways: RunningGateway[] = [];
const now = TEST_NOW;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "trailscope-alert-routes-"));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        verified: verifyWebhook(
          HOOK_SECRET,
          {
            signature: req.headers["x-trailscope-signature"] as string,
            timestamp: req.headers["x-trailscope-timestamp"] as string,
          },
          body,
          now,
        ),
        body: JSON.parse(body) as Record<string, unknown>,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/trailscope-9f8e7d6c`;
});
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});
afterAll(async () => {
  await new Promise((done) => receiver.close(done));
  rmSync(folder, { recursive: true, force: true });
});

async function gateway(
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const gw = await startGateway(
    readConfig({
      GATEWAY_PORT: "0",
      GATEWAY_STATIC_DIR: world.staticDir(),
      GATEWAY_TOKEN: TEST_TOKEN,
      ACTIONTRAIL_ENDPOINT_TEMPLATE: world.standIn().endpointTemplate,
      GATEWAY_ACCOUNT_LABEL: "audit-prod (1234567890123456)",
      GATEWAY_ALERTS_STORE: join(folder, "alerts.json"),
      GATEWAY_ALERTS_TICK_S: "0",
      GATEWAY_ALERT_ALLOW_ADDRESSES: "127.0.0.1",
      ...env,
    }),
    {
      credentials: staticCredentials(TEST_KEY),
      logger: createLogger((line) => logLines.push(line)),
      alerts: { clock: () => now, retryDelaysMs: [60_000] },
    },
  );
  gateways.push(gw);
  return gw;
}

const send = (
  gw: RunningGateway,
  method: string,
  path: string,
  body?: unknown,
) =>
  call(gw, `/api/_alerts/${path}`, {
    method,
    headers: {
      ...fromConsole(gw),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const ruleBody = (eventName: string, destinationIds: string[]) => ({
  name: `${eventName} seen`,
  source: {
    kind: "search",
    conditions: [{ key: "EventName", value: eventName }],
  },
  threshold: 1,
  windowMinutes: 24 * 60,
  scheduleMinutes: 15,
  severity: "high",
  quietMinutes: 60,
  destinationIds,
});

describe("the gateway's alert rules, destinations and history", () => {
  it("keeps destinations secret, fires a rule on its schedule, delivers a signed webhook, and keeps it all across a restart", async () => {
    const gw = await gateway();
    // An event name the account really has in the last day.
    const page = await call(
      gw,
      apiPath("LookupEvents", {
        StartTime: new Date(now - 86_400_000)
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z"),
        EndTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"),
        MaxResults: "1",
      }),
      { headers: fromConsole(gw) },
    );
    const eventName = page.json<{ Events: { eventName: string }[] }>()
      .Events[0]!.eventName;

    const created = await send(gw, "POST", "destinations", {
      kind: "webhook",
      name: "On-call webhook",
      url: receiverUrl,
      secret: HOOK_SECRET,
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(HOOK_SECRET);
    expect(created.text).not.toContain("trailscope-9f8e7d6c");
    const destination = created.json<{
      id: string;
      target: string;
      secretSet: boolean;
    }>();
    expect(destination.secretSet).toBe(true);
    expect(destination.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/••••/);

    const rule = await send(
      gw,
      "POST",
      "rules",
      ruleBody(eventName, [destination.id]),
    );
    expect(rule.status).toBe(201);
    const ruleId = rule.json<{ id: string }>().id;

    await gw.alerts!.scheduler.tick();
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toBe(true);
    expect(received[0]!.body).toMatchObject({
      rule: { id: ruleId, severity: "high" },
      account: "audit-prod (1234567890123456)",
      regions: ["cn-hangzhou"],
    });

    expect(received[0]!.body.link).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/alerts\?firing=fire-/,
    );
    const rules = (await send(gw, "GET", "rules")).json<{
      rules: { id: string; lastRun: { outcome: string }; nextRunAt: number }[];
    }>();
    expect(rules.rules[0]).toMatchObject({
      id: ruleId,
      lastRun: { outcome: "fired" },
      nextRunAt: now + 15 * 60_000,
    });

    // A restart: a new gateway over the same store.
    await gw.close();
    const again = await gateway();
    const firings = (
      await send(again, "GET", `firings?ruleId=${ruleId}`)
    ).json<{
      firings: {
        ruleId: string;
        events: { name: string }[];
        deliveries: { status: string; attempts: number }[];
      }[];
    }>();
    expect(firings.firings).toHaveLength(1);
    expect(firings.firings[0]!.events[0]!.name).toBe(eventName);
    expect(firings.firings[0]!.deliveries).toEqual([
      expect.objectContaining({
        status: "sent",
        attempts: 1,
        destinationName: "On-call webhook",
      }),
    ]);
    const listed = await send(again, "GET", "destinations");
    expect(listed.text).not.toContain(HOOK_SECRET);
    expect(logLines.join("\n")).not.toContain(HOOK_SECRET);
    expect(logLines.join("\n")).not.toContain("trailscope-9f8e7d6c");

    // The test button: what the rule would send over the last day, nothing sent.
    const test = await send(again, "POST", `rules/${ruleId}/test`);
    const preview = test.json<{ wouldFire: boolean; message: string }>();
    expect(preview.wouldFire).toBe(true);
    expect(preview.message).toContain(`Rule: ${eventName} seen`);
    expect(received).toHaveLength(1);
  });

  it("tells the console it keeps the alerts, and lists what its trail watch saw", async () => {
    const gw = await gateway({
      GATEWAY_ALERTS_STORE: join(folder, "trails.json"),
    });
    const who = await call(gw, "/api/_whoami", { headers: fromConsole(gw) });
    expect(who.json<{ alerts: boolean }>().alerts).toBe(true);
    // A destination can opt into the trail watch's notices and delivery confirmations.
    const opted = await send(gw, "POST", "destinations", {
      kind: "webhook",
      name: "Delivery confirmations",
      url: receiverUrl,
      secret: HOOK_SECRET,
      deliveryConfirmations: true,
    });
    expect(opted.json<{ deliveryConfirmations: boolean }>()).toMatchObject({
      deliveryConfirmations: true,
    });
    const before = received.length;
    await gw.alerts!.scheduler.tick();
    const confirmations = received
      .slice(before)
      .map((r) => [r.verified, r.body.type, r.body.level]);
    expect(confirmations.length).toBeGreaterThan(0);
    expect(confirmations).toContainEqual([
      true,
      "trailscope.trail.notice",
      "delivered",
    ]);
    const answer = await send(gw, "GET", "notices");
    expect(answer.status).toBe(200);
    const { notices } = answer.json<{
      notices: { kind: string; trail: string; level: string }[];
    }>();
    // The simulated account's delivering trails each get a standing confirmation.
    expect(notices).toContainEqual(
      expect.objectContaining({
        id: "delivered-org-audit-all",
        kind: "delivery-ok",
        level: "delivered",
        read: true,
      }),
    );
    expect(notices.every((n) => n.kind === "delivery-ok")).toBe(true);
  });

  it("refuses destinations the gateway must not reach, with the reason", async () => {
    const gw = await gateway({ GATEWAY_ALERT_ALLOW_ADDRESSES: "" });
    for (const [url, why] of [
      ["http://169.254.169.254/latest/meta-data/", /link-local/],
      ["https://10.0.0.8/hook", /private/],
      ["https://[::1]:8443/hook", /loopback/],
      ["https://[fd00::8]/hook", /unique local/],
      [receiverUrl, /loopback/],
    ] as const) {
      const answer = await send(gw, "POST", "destinations", {
        kind: "webhook",
        name: "x",
        url,
        secret: "s3cret-value",
      });
      expect(answer.status).toBe(400);
      expect(answer.json<{ Message: string }>().Message).toMatch(why);
    }
    const bad = await send(gw, "POST", "rules", {
      ...ruleBody("StopLogging", ["dest-nope"]),
    });
    expect(bad.json<{ Message: string }>().Message).toMatch(
      /no destination has the id dest-nope/,
    );
  });

  it("lets a read-only (auditor) gateway see rules but refuses every change with the reason", async () => {
    const gw = await gateway({
      GATEWAY_READ_ONLY: "1",
      GATEWAY_ALERTS_STORE: join(folder, "auditor.json"),
    });
    expect((await send(gw, "GET", "rules")).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "rules", ruleBody("StopLogging", [])],
      ["PUT", "rules/rule-x", ruleBody("StopLogging", [])],
      ["DELETE", "rules/rule-x", undefined],
      [
        "POST",
        "destinations",
        {
          kind: "webhook",
          name: "x",
          url: receiverUrl,
          secret: "s3cret-value",
        },
      ],
      ["POST", "destinations/dest-x/resume", undefined],
    ] as const) {
      const answer = await send(gw, method, path, body);
      expect(answer.status).toBe(403);
      const refusal = answer.json<{ Code: string; Message: string }>();
      expect(refusal.Code).toBe("NoPermission");
      expect(refusal.Message).toMatch(/read-only \(auditor\)/);
    }
  });

  it("asks for a sign-in, refuses cross-site changes, and says when alerts are off", async () => {
    const gw = await gateway();
    expect((await call(gw, "/api/_alerts/rules")).status).toBe(401);
    const crossSite = await call(gw, "/api/_alerts/rules", {
      method: "POST",
      headers: {
        ...bearer(),
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(ruleBody("StopLogging", [])),
    });
    expect(crossSite.status).toBe(403);
    const off = await gateway({ GATEWAY_ALERTS_STORE: "" });
    const answer = await send(off, "GET", "rules");
    expect(answer.status).toBe(404);
    expect(answer.json<{ Message: string }>().Message).toMatch(
      /GATEWAY_ALERTS_STORE/,
    );
  });
});
