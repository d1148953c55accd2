import { beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_ID } from "@mocks/data/people";
import type { RunningGateway, WhoAmI } from "./gateway";
import { contentSecurityPolicy } from "./security-headers";
import type { SigningCredentials } from "./signature";
import {
  startStandIn,
  type RunningStandIn,
} from "./testing/actiontrail-stand-in";
import {
  apiPath,
  bearer as bearerOf,
  call as callGateway,
  fromConsole as fromConsoleOf,
  TEST_KEY,
  TEST_TOKEN,
  useGatewayWorld,
} from "./testing/gateway-world";
import type { HttpAnswer } from "./testing/http-client";

const STS_KEY: SigningCredentials = {
  accessKeyId: "STS.NUgatewayTestRole01",
  accessKeySecret: "sts-secret-Hc3mW9qR5yB1",
  securityToken: "CAIS-sts-token-Jd82kLq0PzX",
};
const KEY = TEST_KEY;
const TOKEN = TEST_TOKEN;

const world = useGatewayWorld({
  keys: [STS_KEY],
  env: { GATEWAY_ACCOUNT_LABEL: "audit-prod (1234567890123456)" },
  files: { "secret.txt": "outside the app? no: inside, but never a page" },
});
const gateway = world.gateway;
const logLines = world.logLines;
let standIn: RunningStandIn;
beforeAll(() => {
  standIn = world.standIn();
});

/** Everything any test saw: no secret may appear in it. */
const seenResponses: string[] = [];
const bearer = bearerOf();

async function call(
  gw: RunningGateway,
  path: string,
  options: Parameters<typeof callGateway>[2] = {},
): Promise<HttpAnswer> {
  const answer = await callGateway(gw, path, options);
  seenResponses.push(JSON.stringify(answer.headers), answer.text);
  return answer;
}

const api = apiPath;
const fromConsole = (gw: RunningGateway) => fromConsoleOf(gw);

describe("forwarding to ActionTrail", () => {
  it("signs a search, forwards it, and passes the account's answer back unchanged", async () => {
    const gw = await gateway();
    const before = standIn.received.length;
    const answer = await call(gw, api("LookupEvents", { MaxResults: "5" }), {
      headers: fromConsole(gw),
    });

    expect(answer.status).toBe(200);
    const body = answer.json<{ RequestId: string; Events: unknown[] }>();
    expect(body.Events).toHaveLength(5);
    expect(body.RequestId).toMatch(/\S/);

    const sent = standIn.received.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params).toMatchObject({
      Action: "LookupEvents",
      Version: "2020-07-06",
      MaxResults: "5",
      AccessKeyId: KEY.accessKeyId,
      Format: "JSON",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
    });
    // Nothing of the browser's request but its parameters travels upstream.
    expect(sent[0]!.headers.authorization).toBeUndefined();
    expect(sent[0]!.headers.cookie).toBeUndefined();
    expect(sent[0]!.headers.origin).toBeUndefined();
  });

  it("creates a trail with POST and then reads it back", async () => {
    const gw = await gateway();
    const created = await call(
      gw,
      api("CreateTrail", {
        Name: "gateway-made-trail",
        SlsProjectArn: `acs:log:cn-hangzhou:${ACCOUNT_ID}:project/security-audit-hz`,
        SlsWriteRoleArn: `acs:ram::${ACCOUNT_ID}:role/AliyunActionTrailDefaultRole`,
      }),
      { method: "POST", headers: fromConsole(gw) },
    );
    expect(created.status).toBe(200);
    expect(created.json()).toMatchObject({ Name: "gateway-made-trail" });
    const listed = await call(
      gw,
      api("DescribeTrails", { NameList: "gateway-made-trail" }),
      { headers: fromConsole(gw) },
    );
    expect(listed.status).toBe(200);
    expect(
      listed.json<{ TrailList: { Name: string; Status: string }[] }>()
        .TrailList,
    ).toEqual([
      expect.objectContaining({ Name: "gateway-made-trail", Status: "Fresh" }),
    ]);
  });

  it("passes an ActionTrail error envelope through with its status, code and RequestId", async () => {
    const gw = await gateway();
    const answer = await call(
      gw,
      api("CreateTrail", {
        Name: "Bad Name!",
        OssBucketName: "trailscope-audit-archive",
      }),
      {
        method: "POST",
        headers: fromConsole(gw),
      },
    );
    expect(answer.status).toBe(400);
    const body = answer.json();
    expect(body).toMatchObject({
      Code: "InvalidTrailNameException",
      HostId: "actiontrail.cn-hangzhou.aliyuncs.com",
    });
    expect(body.RequestId).toMatch(/\S/);
    expect(body.Message).toEqual(expect.any(String));
  });

  it("signs with STS credentials: the SecurityToken reaches ActionTrail and the signature still holds", async () => {
    const gw = await gateway({}, STS_KEY);
    const before = standIn.received.length;
    const answer = await call(gw, api("DescribeRegions"), {
      headers: fromConsole(gw),
    });
    expect(answer.status).toBe(200);
    expect(standIn.received[before]!.params.SecurityToken).toBe(
      STS_KEY.securityToken,
    );
  });

  it("shows that the stand-in checks signatures: a wrong secret is answered SignatureDoesNotMatch", async () => {
    const gw = await gateway(
      {},
      { accessKeyId: KEY.accessKeyId, accessKeySecret: "not-the-secret" },
    );
    const answer = await call(gw, api("DescribeTrails"), {
      headers: fromConsole(gw),
    });
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ Code: "SignatureDoesNotMatch" });
  });

  it("never lets the browser choose the AccessKeyId, signature or token", async () => {
    const gw = await gateway();
    const before = standIn.received.length;
    const answer = await call(
      gw,
      api("DescribeTrails", {
        AccessKeyId: "LTAIsomeoneelse",
        Signature: "forged",
        SecurityToken: "injected",
      }),
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(200);
    const sent = standIn.received[before]!.params;
    expect(sent.AccessKeyId).toBe(KEY.accessKeyId);
    expect(sent.Signature).not.toBe("forged");
    expect(sent.SecurityToken).toBeUndefined();
  });

  it("answers 504 GatewayTimeout in the error envelope when ActionTrail is too slow", async () => {
    const slow = await startStandIn({
      handlers: [],
      keys: [KEY],
      delayMs: () => 2_000,
    });
    try {
      const gw = await gateway({
        ACTIONTRAIL_ENDPOINT_TEMPLATE: slow.endpointTemplate,
        GATEWAY_UPSTREAM_TIMEOUT_MS: "200",
      });
      const answer = await call(gw, api("LookupEvents"), {
        headers: fromConsole(gw),
      });
      expect(answer.status).toBe(504);
      expect(answer.json()).toMatchObject({
        Code: "GatewayTimeout",
        HostId: "trailscope-gateway",
        RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
      });
      const write = await call(gw, api("DeleteTrail", { Name: "some-trail" }), {
        method: "POST",
        headers: fromConsole(gw),
      });
      expect(write.json().Message).toMatch(/may still have been made/);
    } finally {
      await slow.close();
    }
  });

  it("answers 502 when ActionTrail cannot be reached", async () => {
    const gone = await startStandIn({ handlers: [], keys: [KEY] });
    const template = gone.endpointTemplate;
    await gone.close();
    const gw = await gateway({ ACTIONTRAIL_ENDPOINT_TEMPLATE: template });
    const answer = await call(gw, api("DescribeTrails"), {
      headers: fromConsole(gw),
    });
    expect(answer.status).toBe(502);
    expect(answer.json()).toMatchObject({
      Code: "Gateway.UpstreamUnreachable",
    });
  });
});

describe("what the gateway refuses", () => {
  it("refuses the API without authentication, and sends page visitors to the sign-in form", async () => {
    const gw = await gateway();
    const before = standIn.received.length;
    const anonymous = await call(gw, api("LookupEvents"));
    expect(anonymous.status).toBe(401);
    expect(anonymous.json()).toMatchObject({
      Code: "Gateway.Unauthenticated",
      HostId: "trailscope-gateway",
    });
    const wrong = await call(gw, api("LookupEvents"), {
      headers: { Authorization: "Bearer not-the-token-at-all" },
    });
    expect(wrong.status).toBe(401);
    const forged = await call(gw, api("LookupEvents"), {
      headers: { Cookie: "trailscope_session=9999999999999.dG9rZW4.forged" },
    });
    expect(forged.status).toBe(401);
    expect(standIn.received.length).toBe(before);

    const page = await call(gw, "/events?region=cn-hangzhou");
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe(
      "/_gateway/login?next=%2Fevents%3Fregion%3Dcn-hangzhou",
    );
  });

  it("forwards only the ActionTrail actions Trailscope uses", async () => {
    const gw = await gateway();
    const before = standIn.received.length;
    for (const action of [
      "CreateDeliveryHistoryJob",
      "DescribeInstances",
      "AssumeRole",
      "__proto__",
    ]) {
      const answer = await call(gw, api(action), {
        method: "POST",
        headers: fromConsole(gw),
      });
      expect({
        action,
        status: answer.status,
        code: answer.json().Code,
      }).toEqual({
        action,
        status: 403,
        code: "Gateway.ActionNotAllowed",
      });
    }
    const noAction = await call(gw, "/api/cn-hangzhou/?Version=2020-07-06", {
      headers: fromConsole(gw),
    });
    expect(noAction.json()).toMatchObject({ Code: "MissingParameter" });
    const otherVersion = await call(
      gw,
      "/api/cn-hangzhou/?Action=LookupEvents&Version=2017-12-04",
      { headers: fromConsole(gw) },
    );
    expect(otherVersion.json()).toMatchObject({
      Code: "Gateway.UnsupportedVersion",
    });
    expect(standIn.received.length).toBe(before);
  });

  it("refuses every write with 403 NoPermission when read-only, and still answers reads", async () => {
    const gw = await gateway({ GATEWAY_READ_ONLY: "1" });
    const before = standIn.received.length;
    for (const action of [
      "CreateTrail",
      "UpdateTrail",
      "DeleteTrail",
      "StartLogging",
      "StopLogging",
    ]) {
      const answer = await call(gw, api(action, { Name: "prod-audit-trail" }), {
        method: "POST",
        headers: fromConsole(gw),
      });
      expect({ action, status: answer.status }).toEqual({
        action,
        status: 403,
      });
      const body = answer.json();
      expect(Object.keys(body).sort()).toEqual([
        "Code",
        "HostId",
        "Message",
        "RequestId",
      ]);
      expect(body).toMatchObject({ Code: "NoPermission" });
      expect(body.Message).toContain(action);
    }
    expect(standIn.received.length).toBe(before);
    const read = await call(gw, api("DescribeTrails"), {
      headers: fromConsole(gw),
    });
    expect(read.status).toBe(200);
  });

  it("refuses writes sent with GET, so a link or an image cannot change the account", async () => {
    const gw = await gateway();
    const answer = await call(
      gw,
      api("DeleteTrail", { Name: "prod-audit-trail" }),
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(405);
    expect(answer.json()).toMatchObject({ Code: "Gateway.MethodNotAllowed" });
  });

  it("refuses cross-site requests by Origin, Sec-Fetch-Site and Host", async () => {
    const gw = await gateway();
    const before = standIn.received.length;
    const cases: Record<string, string>[] = [
      { ...bearer, Origin: "https://evil.example" },
      { ...bearer, Origin: "null" },
      { ...bearer, "Sec-Fetch-Site": "cross-site" },
      { ...bearer, "Sec-Fetch-Site": "same-site", Origin: gw.url },
    ];
    for (const headers of cases) {
      const answer = await call(
        gw,
        api("CreateTrail", { Name: "cross-site-trail" }),
        { method: "POST", headers },
      );
      expect({
        headers,
        status: answer.status,
        code: answer.json().Code,
      }).toEqual({
        headers,
        status: 403,
        code: "Gateway.CrossSiteRequest",
      });
    }
    const rebinding = await call(gw, api("LookupEvents"), {
      headers: { ...bearer, Host: "attacker.example:80" },
    });
    expect(rebinding.status).toBe(403);
    expect(rebinding.json()).toMatchObject({ Code: "Gateway.HostNotAllowed" });
    expect(standIn.received.length).toBe(before);

    // A script with the token and no browser headers is no cross-site page.
    const script = await call(gw, api("DescribeTrails"), { headers: bearer });
    expect(script.status).toBe(200);
  });

  it("refuses region IDs that would change the upstream host, oversized bodies and repeated parameters", async () => {
    const gw = await gateway({ GATEWAY_MAX_BODY_BYTES: "1024" });
    const before = standIn.received.length;
    for (const region of [
      "evil.example%2F",
      "cn-hangzhou.evil.example",
      "cn-hangzhou%00",
      "CN-HANGZHOU",
      "x",
    ]) {
      const answer = await call(
        gw,
        `/api/${region}/?Action=LookupEvents&Version=2020-07-06`,
        { headers: fromConsole(gw) },
      );
      expect({
        region,
        status: answer.status,
        code: answer.json().Code,
      }).toEqual({
        region,
        status: 400,
        code: "Gateway.InvalidRegion",
      });
    }
    const big = await call(gw, api("CreateTrail"), {
      method: "POST",
      headers: {
        ...fromConsole(gw),
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: `Name=${"a".repeat(5000)}`,
    });
    expect(big.status).toBe(413);
    expect(big.json()).toMatchObject({ Code: "Gateway.RequestTooLarge" });
    const twice = await call(
      gw,
      `${api("LookupEvents")}&MaxResults=5&MaxResults=50`,
      { headers: fromConsole(gw) },
    );
    expect(twice.status).toBe(400);
    expect(standIn.received.length).toBe(before);
  });
});

describe("signing in", () => {
  const form = (fields: Record<string, string>) =>
    new URLSearchParams(fields).toString();

  it("signs in with the token through the form, then serves the console and says who is in", async () => {
    const gw = await gateway();
    const page = await call(gw, "/_gateway/login?next=/trails");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<label for="token">Access token</label>');
    expect(page.text).toContain("audit-prod (1234567890123456)");

    const formHeaders = {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: gw.url,
      "Sec-Fetch-Site": "same-origin",
    };
    const wrong = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: formHeaders,
      body: form({ token: "guess", next: "/trails" }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect(wrong.text).toContain("That access token is not right.");

    const right = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: formHeaders,
      body: form({ token: TOKEN, next: "/trails" }),
    });
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe("/trails");
    const setCookie = right.headers["set-cookie"]?.[0] ?? "";
    expect(setCookie).toMatch(
      /^trailscope_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );
    const cookie = setCookie.split(";")[0]!;

    const who = await call(gw, "/api/_whoami", {
      headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
    });
    expect(who.json<WhoAmI>()).toEqual({
      mode: "live",
      accountLabel: "audit-prod (1234567890123456)",
      readOnly: false,
      alerts: false,
      user: "token",
      authMethod: "cookie",
      signOutPath: "/_gateway/logout",
    });
    const app = await call(gw, "/trails", { headers: { Cookie: cookie } });
    expect(app.status).toBe(200);
    expect(app.text).toContain("<title>Trailscope</title>");

    const out = await call(gw, "/_gateway/logout", {
      method: "POST",
      headers: { Cookie: cookie, Origin: gw.url },
    });
    expect(out.status).toBe(303);
    expect(out.headers["set-cookie"]?.[0]).toContain("Max-Age=0");
  });

  it("refuses a sign-in posted from another site and never redirects off the origin after signing in", async () => {
    const gw = await gateway();
    const crossSite = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
      },
      body: form({ token: TOKEN }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers["set-cookie"]).toBeUndefined();
    const offsite = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: gw.url,
      },
      body: form({ token: TOKEN, next: "//evil.example/x" }),
    });
    expect(offsite.headers.location).toBe("/");
    // A browser's form POST under Referrer-Policy no-referrer: Origin null, Sec-Fetch-Site same-origin.
    const browserForm = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "null",
        "Sec-Fetch-Site": "same-origin",
      },
      body: form({ token: TOKEN, next: "/events" }),
    });
    expect(browserForm.status).toBe(303);
    expect(browserForm.headers.location).toBe("/events");
  });

  it("trusts a reverse proxy's user header only from the configured proxy address", async () => {
    const trusted = await gateway({
      GATEWAY_TRUSTED_USER_HEADER: "X-Forwarded-User",
      GATEWAY_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1",
    });
    const who = await call(trusted, "/api/_whoami", {
      headers: { "X-Forwarded-User": "li.wei@example.com" },
    });
    expect(who.json<WhoAmI>()).toMatchObject({
      user: "li.wei@example.com",
      authMethod: "proxy",
      signOutPath: null,
    });

    const untrusted = await gateway({
      GATEWAY_TRUSTED_USER_HEADER: "X-Forwarded-User",
      GATEWAY_TRUSTED_PROXIES: "10.9.8.7",
    });
    const refused = await call(untrusted, "/api/_whoami", {
      headers: { "X-Forwarded-User": "li.wei@example.com" },
    });
    expect(refused.status).toBe(401);
  });
});

describe("serving the console", () => {
  it("sends the security headers, the console's CSP, and caches only hashed assets for long", async () => {
    const gw = await gateway();
    const page = await call(gw, "/events", { headers: bearer });
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      "content-security-policy": contentSecurityPolicy,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-frame-options": "DENY",
      "cache-control": "no-cache",
    });
    expect(page.headers["content-security-policy"]).toContain(
      "frame-ancestors 'none'",
    );
    const asset = await call(gw, "/assets/index-AbCd1234.js", {
      headers: bearer,
    });
    expect(asset.headers["cache-control"]).toBe(
      "public, max-age=31536000, immutable",
    );
    expect(asset.headers["content-type"]).toBe(
      "text/javascript; charset=utf-8",
    );
    const apiAnswer = await call(gw, api("DescribeRegions"), {
      headers: bearer,
    });
    expect(apiAnswer.headers).toMatchObject({
      "cache-control": "no-store",
      "content-security-policy": contentSecurityPolicy,
    });
  });

  it("falls back to index.html for console routes, 404s missing files, and never leaves its folder", async () => {
    const gw = await gateway();
    expect((await call(gw, "/trails/new", { headers: bearer })).text).toContain(
      "<title>Trailscope</title>",
    );
    expect(
      (await call(gw, "/assets/missing-00000000.js", { headers: bearer }))
        .status,
    ).toBe(404);
    for (const path of [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%2f..%2fpackage.json",
    ]) {
      const answer = await call(gw, path, { headers: bearer });
      expect(answer.text).not.toContain("root:");
      expect(answer.text).not.toContain('"name": "trailscope"');
      expect([200, 404]).toContain(answer.status);
    }
  });
});

describe("secrets", () => {
  it("never puts a secret, signature, token or session cookie in any response or log line", () => {
    const signatures = standIn.received
      .map((r) => r.params.Signature)
      .filter((s): s is string => Boolean(s));
    expect(signatures.length).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(20);
    const secrets = [
      KEY.accessKeySecret,
      STS_KEY.accessKeySecret,
      STS_KEY.securityToken!,
      TOKEN,
      ...signatures,
    ];
    const everything = [...seenResponses, ...logLines].join("\n");
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // Session cookies appear only in the Set-Cookie header that hands them out.
    const logs = logLines.join("\n");
    expect(logs).not.toMatch(/trailscope_session=/);
    expect(logs).not.toMatch(/Signature=|AccessKeySecret|Authorization/i);
  });
});
