import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E_NOW, expect, test } from "./fixtures";
import { GatewayLogin } from "./pages/live-gateway";

/**
 * Live mode, gateway side of alerts: the gateway's scheduler fires a rule
 * against the signature-checking ActionTrail stand-in, delivers to a
 * loopback webhook receiver that verifies the HMAC and to a DingTalk
 * stand-in that verifies the robot signature, retries a receiver that is
 * down at first and delivers to it once, and still has the rule and its
 * history after the gateway process is killed and started again. The
 * scheduler's clock is moved through the journey world's control port
 * (server/alerts/testing/journey-server.ts); nothing waits on real time.
 * Then the console (the live build, served by that gateway) shows the
 * gateway's rule and its firing in the notification centre.
 */
test.use({ startTime: null });

const TOKEN = "alerts-journey-token-8c3e5a1f9d27";
const ACCOUNT = "journey account (1498326459723841)";
const HOOK_SECRET = "whsec-journey-6f1b2d9c84";
const ROBOT_SECRET = "SECjourney0b7e4c1a9f2d6e8b3c5a7d9f1e2b4c6a8";
const MIN = 60_000;
/** The live build playwright.config.ts makes for the live project. */
const LIVE_BUILD = join(
  ".e2e-build",
  `${process.env.E2E_LIVE_PORT ?? "4184"}-live`,
);

interface World {
  child: ChildProcess;
  gateway: string;
  control: string;
}

function startWorld(store: string): Promise<World> {
  // One process (node with tsx's loader), so killing it kills the gateway.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "server/alerts/testing/journey-server.ts"],
    {
      env: {
        ...process.env,
        JOURNEY_NOW: String(E2E_NOW),
        GATEWAY_TOKEN: TOKEN,
        GATEWAY_ACCOUNT_LABEL: ACCOUNT,
        GATEWAY_ALERTS_STORE: store,
        GATEWAY_STATIC_DIR: LIVE_BUILD,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = /journey-ready (\{.*\})\n/.exec(buffered)?.[1];
      if (line)
        resolve({
          child,
          ...(JSON.parse(line) as { gateway: string; control: string }),
        });
    });
    child.once("exit", (code) =>
      reject(new Error(`the journey world exited with ${code}`)),
    );
  });
}

function stopWorld(world: World, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (world.child.exitCode !== null || world.child.signalCode !== null)
      return done();
    world.child.once("exit", () => done());
    world.child.kill(signal);
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** What a receiver does with X-Trailscope-Signature: HMAC-SHA256 over `${timestamp}.${body}`. */
function webhookVerified(
  headers: IncomingMessage["headers"],
  body: string,
): boolean {
  const timestamp = String(headers["x-trailscope-timestamp"] ?? "");
  const given = Buffer.from(String(headers["x-trailscope-signature"] ?? ""));
  const expected = Buffer.from(
    `sha256=${createHmac("sha256", HOOK_SECRET).update(`${timestamp}.${body}`).digest("hex")}`,
  );
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** DingTalk's check: sign = urlEncode(base64(HmacSHA256(secret, `${timestamp}\n${secret}`))). */
function dingTalkVerified(url: string): boolean {
  const query = new URL(url, "http://robot.invalid").searchParams;
  const timestamp = query.get("timestamp") ?? "";
  const expected = createHmac("sha256", ROBOT_SECRET)
    .update(`${timestamp}\n${ROBOT_SECRET}`)
    .digest("base64");
  return (
    query.get("access_token") === "robot-token-journey" &&
    query.get("sign") === expected
  );
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.describe("alert rules run by the gateway", () => {
  let folder: string;
  const worlds: World[] = [];
  const servers: Server[] = [];

  test.beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "trailscope-alerts-live-"));
  });

  test.afterAll(async () => {
    await Promise.all(worlds.map((w) => stopWorld(w, "SIGTERM")));
    await Promise.all(
      servers.map((s) => {
        s.closeAllConnections();
        return new Promise((done) => s.close(done));
      }),
    );
    rmSync(folder, { recursive: true, force: true });
  });

  test("fire on schedule, deliver signed to a webhook and a DingTalk robot, retry a receiver that was down, survive a restart, show the firing in the console", async ({
    request,
    page,
  }) => {
    test.setTimeout(120_000);
    // The receivers: the webhook is down for its first request.
    const hooks: {
      status: number;
      verified: boolean;
      body: { firingId: string; rule: { name: string } };
    }[] = [];
    const hook = createServer((req, res) => {
      void readBody(req).then((body) => {
        const status = hooks.length === 0 ? 503 : 204;
        hooks.push({
          status,
          verified: webhookVerified(req.headers, body),
          body: JSON.parse(body) as (typeof hooks)[number]["body"],
        });
        res.writeHead(status).end();
      });
    });
    const robots: { verified: boolean; markdown: string }[] = [];
    const robot = createServer((req, res) => {
      void readBody(req).then((body) => {
        const message = JSON.parse(body) as {
          msgtype: string;
          markdown: { text: string };
        };
        const verified =
          dingTalkVerified(req.url ?? "") && message.msgtype === "markdown";
        robots.push({ verified, markdown: message.markdown.text });
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(
          JSON.stringify(
            verified
              ? { errcode: 0, errmsg: "ok" }
              : { errcode: 310000, errmsg: "sign not match" },
          ),
        );
      });
    });
    servers.push(hook, robot);
    const hookUrl = `${await listen(hook)}/hooks/journey`;
    const robotUrl = `${await listen(robot)}/robot/send?access_token=robot-token-journey`;

    const store = join(folder, "alerts.json");
    let world = await startWorld(store);
    worlds.push(world);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const api = (
      ctx: APIRequestContext,
      w: World,
      method: "get" | "post",
      path: string,
      data?: unknown,
    ) =>
      ctx[method](`${w.gateway}/api/_alerts/${path}`, {
        headers: auth,
        ...(data === undefined ? {} : { data }),
      });
    const moveClock = async (w: World, at: number) => {
      expect(
        (await request.post(`${w.control}/clock?now=${at}`)).status(),
      ).toBe(204);
      expect((await request.post(`${w.control}/tick`)).status()).toBe(204);
    };

    // An event name the account has in the last day, read through the gateway.
    const iso = (ms: number) =>
      new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    const events = await request.get(
      `${world.gateway}/api/cn-hangzhou/?${new URLSearchParams({ Action: "LookupEvents", Version: "2020-07-06", StartTime: iso(E2E_NOW - 1440 * MIN), EndTime: iso(E2E_NOW), MaxResults: "1" }).toString()}`,
      { headers: auth },
    );
    expect(events.status()).toBe(200);
    const eventName = (
      (await events.json()) as { Events: { eventName: string }[] }
    ).Events[0]!.eventName;

    const webhook = await api(request, world, "post", "destinations", {
      kind: "webhook",
      name: "On-call webhook",
      url: hookUrl,
      secret: HOOK_SECRET,
    });
    expect(webhook.status()).toBe(201);
    expect(await webhook.text()).not.toContain(HOOK_SECRET);
    const dingtalk = await api(request, world, "post", "destinations", {
      kind: "dingtalk",
      name: "SecOps group",
      url: robotUrl,
      secret: ROBOT_SECRET,
    });
    expect(dingtalk.status()).toBe(201);
    expect(await dingtalk.text()).not.toContain("robot-token-journey");
    const destinationIds = [
      ((await webhook.json()) as { id: string }).id,
      ((await dingtalk.json()) as { id: string }).id,
    ];

    const created = await api(request, world, "post", "rules", {
      name: `${eventName} in the last day`,
      source: {
        kind: "search",
        conditions: [{ key: "EventName", value: eventName }],
      },
      threshold: 1,
      windowMinutes: 1440,
      scheduleMinutes: 15,
      severity: "high",
      destinationIds,
    });
    expect(created.status()).toBe(201);
    const ruleId = ((await created.json()) as { id: string }).id;

    // The scheduler's first tick: the rule fires; DingTalk takes it, the webhook is down.
    await moveClock(world, E2E_NOW);
    expect(robots).toEqual([
      {
        verified: true,
        markdown: expect.stringContaining(
          "in the last day",
        ) as unknown as string,
      },
    ]);
    expect(hooks.map((h) => [h.status, h.verified])).toEqual([[503, true]]);

    // A minute later the retry reaches the webhook, signed, once.
    await moveClock(world, E2E_NOW + MIN);
    expect(hooks.map((h) => [h.status, h.verified])).toEqual([
      [503, true],
      [204, true],
    ]);
    expect(hooks[1]!.body.firingId).toBe(hooks[0]!.body.firingId);
    await moveClock(world, E2E_NOW + 10 * MIN);
    expect(hooks).toHaveLength(2);

    // The gateway dies and starts again over the same store.
    await stopWorld(world, "SIGKILL");
    world = await startWorld(store);
    worlds.push(world);
    const rules = (await (
      await api(request, world, "get", "rules")
    ).json()) as { rules: { id: string; lastRun: { outcome: string } }[] };
    expect(rules.rules).toEqual([
      expect.objectContaining({
        id: ruleId,
        lastRun: expect.objectContaining({ outcome: "fired" }),
      }),
    ]);
    const firings = (await (
      await api(request, world, "get", `firings?ruleId=${ruleId}`)
    ).json()) as {
      firings: {
        id: string;
        events: { name: string }[];
        deliveries: {
          destinationName: string;
          status: string;
          attempts: number;
        }[];
      }[];
    };
    expect(firings.firings).toHaveLength(1);
    expect(firings.firings[0]!.id).toBe(hooks[0]!.body.firingId);
    expect(firings.firings[0]!.events[0]!.name).toBe(eventName);
    expect(
      firings.firings[0]!.deliveries.map((d) => [
        d.destinationName,
        d.status,
        d.attempts,
      ]).sort(),
    ).toEqual([
      ["On-call webhook", "sent", 2],
      ["SecOps group", "sent", 1],
    ]);

    // Within the quiet hour the restarted scheduler sends nothing more.
    await moveClock(world, E2E_NOW + 20 * MIN);
    expect(hooks).toHaveLength(2);
    expect(robots).toHaveLength(1);

    // The console served by this gateway shows the gateway's rule and firing.
    await page.goto(`${world.gateway}/alerts`);
    await new GatewayLogin(page).signIn(TOKEN);
    const ruleName = `${eventName} in the last day`;
    const card = page.getByRole("article", { name: ruleName });
    // Its last run (20 minutes on) kept quiet; its firing is listed under it.
    await expect(
      card.getByText("Matched, kept quiet (quiet period)"),
    ).toBeVisible();
    await expect(
      card
        .getByRole("region", { name: `Recent firings of ${ruleName}` })
        .getByRole("heading", { name: ruleName }),
    ).toBeVisible();
    await expect(
      page.getByText(/The gateway keeps them and runs them on their schedule/),
    ).toBeVisible();
    await page
      .getByRole("button", { name: /^Notifications, \d+ unread$/ })
      .click();
    const centre = page.getByRole("dialog", { name: "Notifications" });
    const firing = centre.getByRole("group", { name: "Unread" }).filter({
      has: page.getByRole("heading", { name: ruleName }),
    });
    await expect(firing).toBeVisible();
    await expect(
      firing
        .getByRole("list", { name: "Events of this firing" })
        .getByRole("link", { name: eventName })
        .first(),
    ).toBeVisible();
  });
});
