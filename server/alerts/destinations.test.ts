import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTransport } from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { server as mockServer } from "@mocks/node";
import { createLogger } from "../logger";
import {
  createSender,
  destinationView,
  dingTalkBody,
  dingTalkSign,
  maskUrl,
  plainText,
  secretsOf,
  textMessage,
  verifyWebhook,
  webhookSignature,
  type MakeTransport,
  type Notification,
} from "./destinations";
import { parseAllowList, type TargetPolicy } from "./ssrf";
import type { Destination, DestinationSettings } from "./store";

const NOW = Date.parse("2026-03-02T08:00:00Z");
const HOOK_URL =
  "https://oapi.dingtalk.com/robot/send?access_token=9f3c1e0b7a2d4c6e8f0a1b2c3d4e5f60718293a4";
const ROBOT_SECRET =
  "SEC4d2f1a9b8c7e6d5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1";

const destination = (settings: DestinationSettings): Destination => ({
  id: "dest-1",
  name: "On call",
  settings,
  consecutiveFailures: 0,
  createdAt: NOW,
  updatedAt: NOW,
});

const notification = (
  over: Partial<Notification["firing"]> = {},
): Notification => ({
  deliveryId: "dlv-1",
  account: "audit-prod (1234567890123456)",
  regions: ["cn-hangzhou"],
  link: "https://trailscope.example.com/alerts?firing=fire-1",
  firing: {
    id: "fire-1",
    ruleId: "rule-1",
    ruleName: "Trail stopped",
    severity: "high",
    at: NOW,
    windowStart: NOW - 30 * 60_000,
    windowEnd: NOW,
    count: 1,
    events: [
      {
        id: "ev-1",
        name: "StopLogging",
        timeMs: NOW - 60_000,
        region: "cn-hangzhou",
        userName: "alice",
      },
    ],
    ...over,
  },
});

describe("secrets stay on the gateway", () => {
  it("masks a webhook URL down to its host and last characters", () => {
    const masked = maskUrl(HOOK_URL);
    expect(masked).toBe("https://oapi.dingtalk.com/••••93a4");
    expect(masked).not.toContain("access_token");
    expect(maskUrl("not a url")).toBe("••••");
    expect(maskUrl("https://hooks.example.com/short")).toBe(
      "https://hooks.example.com/••••",
    );
  });

  it("shows the console no secret of any kind of destination", () => {
    const views = [
      destinationView(
        destination({ kind: "dingtalk", url: HOOK_URL, secret: ROBOT_SECRET }),
      ),
      destinationView(
        destination({
          kind: "webhook",
          url: "https://hooks.example.com/in/Tk93hd8Xk2",
          secret: "whsec-abcdef123456",
        }),
      ),
      destinationView(
        destination({
          kind: "email",
          host: "smtp.example.com",
          port: 465,
          secure: true,
          user: "alerts@example.com",
          password: "smtp-pass-9Xk2Lq",
          from: "alerts@example.com",
          to: ["secops@example.com"],
        }),
      ),
    ];
    const text = JSON.stringify(views);
    for (const secret of [
      ROBOT_SECRET,
      "9f3c1e0b7a2d4c6e8f0a1b2c3d4e5f6071",
      "whsec-abcdef123456",
      "Tk93hd8Xk2",
      "smtp-pass-9Xk2Lq",
    ])
      expect(text).not.toContain(secret);
    expect(views.map((v) => v.secretSet)).toEqual([true, true, true]);
    expect(views[2]!.target).toBe("smtps://smtp.example.com:465");
  });

  it("has the logger redact the URL's token, the robot secret and the SMTP password", () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    for (const s of secretsOf({
      kind: "dingtalk",
      url: HOOK_URL,
      secret: ROBOT_SECRET,
    }))
      logger.redact(s);
    for (const s of secretsOf({
      kind: "email",
      host: "h",
      port: 25,
      secure: false,
      user: "u",
      password: "smtp-pass-9Xk2Lq",
      from: "a@b",
      to: [],
    }))
      logger.redact(s);
    logger.log("warn", "delivery failed", {
      detail: `${HOOK_URL} ${ROBOT_SECRET} smtp-pass-9Xk2Lq`,
    });
    expect(lines[0]).not.toContain(ROBOT_SECRET);
    expect(lines[0]).not.toContain("9f3c1e0b7a2d");
    expect(lines[0]).not.toContain("smtp-pass-9Xk2Lq");
    expect(lines[0]).toContain("[redacted]");
  });
});

describe("what a notification says", () => {
  it("names the rule, account, region, time and link, and lists events without bodies", () => {
    const text = textMessage(notification());
    expect(text).toContain("Rule: Trail stopped");
    expect(text).toContain("Account: audit-prod (1234567890123456)");
    expect(text).toContain("Regions: cn-hangzhou");
    expect(text).toContain("Time: 2026-03-02T08:00:00.000Z");
    expect(text).toContain("StopLogging by alice in cn-hangzhou (ev-1)");
    expect(text).toContain(
      "Open in Trailscope: https://trailscope.example.com/alerts?firing=fire-1",
    );
  });

  it("writes hostile event text out visibly and escapes DingTalk markdown", () => {
    // The same marks the console shows (src/lib/visible-chars.ts).
    expect(plainText("adm\u200Bin\u202Egnp.exe\nx\uD800\u2028")).toBe(
      "adm⟦ZWSP⟧in⟦RLO⟧gnp.exe⟦LF⟧x⟦lone surrogate U+D800⟧⟦LS⟧",
    );
    expect(plainText("x".repeat(30), 10)).toBe("xxxxxxxxxx… (30 characters)");
    const body = JSON.parse(
      dingTalkBody(
        notification({
          events: [
            {
              id: "ev-2",
              name: "[click](javascript:alert(1))",
              timeMs: NOW,
              region: "cn-hangzhou",
              userName: "<img src=x onerror=alert(1)>",
            },
          ],
        }),
      ),
    ) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.text).toContain(
      "\\[click\\]\\(javascript:alert\\(1\\)\\)",
    );
    expect(body.markdown.text).toContain(
      "\\<img src=x onerror=alert\\(1\\)\\>",
    );
    expect(body.markdown.text).toContain(
      "[Open in Trailscope](https://trailscope.example.com/alerts?firing=fire-1)",
    );
  });
});

describe("signatures a receiver can check", () => {
  it("signs the webhook's timestamp and body with HMAC-SHA256", () => {
    const signature = webhookSignature(
      "whsec-abcdef123456",
      "1772438400",
      '{"a":1}',
    );
    const expected = createHmac("sha256", "whsec-abcdef123456")
      .update('1772438400.{"a":1}')
      .digest("hex");
    expect(signature).toBe(`sha256=${expected}`);
    const headers = { signature, timestamp: "1772438400" };
    expect(
      verifyWebhook("whsec-abcdef123456", headers, '{"a":1}', 1772438400_000),
    ).toBe(true);
    expect(
      verifyWebhook("whsec-abcdef123456", headers, '{"a":2}', 1772438400_000),
    ).toBe(false);
    expect(
      verifyWebhook("other-secret-000", headers, '{"a":1}', 1772438400_000),
    ).toBe(false);
    // A replay ten minutes later is refused.
    expect(
      verifyWebhook("whsec-abcdef123456", headers, '{"a":1}', 1772439000_000),
    ).toBe(false);
  });

  it("signs DingTalk's way: HmacSHA256 of timestamp\\nsecret, base64, URL-encoded", () => {
    const sign = dingTalkSign(ROBOT_SECRET, 1772438400000);
    const base64 = createHmac("sha256", ROBOT_SECRET)
      .update(`1772438400000\n${ROBOT_SECRET}`)
      .digest("base64");
    expect(decodeURIComponent(sign)).toBe(base64);
    expect(sign).not.toMatch(/[+/=]/);
  });
});

describe("sending", () => {
  beforeAll(() => mockServer.close());
  afterAll(() => mockServer.listen({ onUnhandledRequest: "error" }));
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((s) => new Promise((done) => s.close(done))),
    );
  });
  const policy: TargetPolicy = {
    allow: parseAllowList(["127.0.0.1"]),
    resolve: () => Promise.reject(new Error("no DNS in tests")),
  };

  async function receiver(
    answer: (
      url: string,
      headers: Record<string, string | string[] | undefined>,
      body: string,
    ) => { status: number; body: string },
  ): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const result = answer(
          req.url ?? "",
          req.headers,
          Buffer.concat(chunks).toString("utf8"),
        );
        res.writeHead(result.status, { "Content-Type": "application/json" });
        res.end(result.body);
      });
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("delivers a webhook whose signature the receiver verifies", async () => {
    const verified: boolean[] = [];
    const base = await receiver((_url, headers, body) => {
      verified.push(
        verifyWebhook(
          "whsec-abcdef123456",
          {
            signature: headers["x-trailscope-signature"] as string,
            timestamp: headers["x-trailscope-timestamp"] as string,
          },
          body,
          NOW,
        ),
      );
      return { status: 204, body: "" };
    });
    const send = createSender({ policy, now: () => NOW });
    await send(
      destination({
        kind: "webhook",
        url: `${base}/hook`,
        secret: "whsec-abcdef123456",
      }),
      notification(),
    );
    expect(verified).toEqual([true]);
  });

  it("delivers to a DingTalk robot that checks the sign, and fails on a non-zero errcode", async () => {
    const base = await receiver((url, _headers, body) => {
      const query = new URL(url, "http://x").searchParams;
      const timestamp = query.get("timestamp") ?? "";
      const expected = createHmac("sha256", ROBOT_SECRET)
        .update(`${timestamp}\n${ROBOT_SECRET}`)
        .digest("base64");
      const ok =
        query.get("sign") === expected &&
        (JSON.parse(body) as { msgtype: string }).msgtype === "markdown";
      return {
        status: 200,
        body: JSON.stringify(
          ok
            ? { errcode: 0, errmsg: "ok" }
            : { errcode: 310000, errmsg: "sign not match" },
        ),
      };
    });
    const send = createSender({ policy, now: () => NOW });
    await expect(
      send(
        destination({
          kind: "dingtalk",
          url: `${base}/robot/send?access_token=abc`,
          secret: ROBOT_SECRET,
        }),
        notification(),
      ),
    ).resolves.toBeUndefined();
    await expect(
      send(
        destination({
          kind: "dingtalk",
          url: `${base}/robot/send?access_token=abc`,
          secret: "SECwrong0000000",
        }),
        notification(),
      ),
    ).rejects.toThrow(/310000 sign not match/);
  });

  it("mails a plain-text message through the checked SMTP host, and refuses a private one", async () => {
    const sent: string[] = [];
    const made: unknown[] = [];
    const makeTransport = ((options: unknown) => {
      made.push(options);
      const transport = createTransport({ jsonTransport: true });
      const original = transport.sendMail.bind(transport);
      transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
        const info = (await original(mail)) as { message: string };
        sent.push(info.message);
        return info;
      }) as typeof transport.sendMail;
      return transport;
    }) as unknown as MakeTransport;
    const email: DestinationSettings = {
      kind: "email",
      host: "127.0.0.1",
      port: 2525,
      secure: false,
      user: "alerts",
      password: "smtp-pass-9Xk2Lq",
      from: "alerts@example.com",
      to: ["secops@example.com"],
    };
    const send = createSender({ policy, now: () => NOW, makeTransport });
    await send(destination(email), notification());
    const mail = JSON.parse(sent[0]!) as {
      subject: string;
      text: string;
      to: { address: string }[];
    };
    expect(mail.subject).toBe("[Trailscope high] Trail stopped: 1 event");
    expect(mail.text).toContain("StopLogging by alice");
    expect(mail.to[0]!.address).toBe("secops@example.com");
    expect(made[0]).toMatchObject({ host: "127.0.0.1", requireTLS: true });

    const strict = createSender({
      policy: { ...policy, allow: parseAllowList([]) },
      now: () => NOW,
      makeTransport,
    });
    await expect(
      strict(destination({ ...email, host: "10.0.0.25" }), notification()),
    ).rejects.toThrow(/private/);
    expect(made).toHaveLength(1);
  });
});
