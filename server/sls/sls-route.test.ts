import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent } from "@/lib/audit-event-factory";
import { eventToLog, type LogRow } from "@/lib/sls-query";
import {
  call,
  fromConsole,
  TEST_KEY,
  TEST_TOKEN,
  useGatewayWorld,
} from "../testing/gateway-world";
import {
  startSlsStandIn,
  type RunningSlsStandIn,
} from "../testing/sls-stand-in";

/**
 * The gateway's Log Service route against a loopback Log Service that checks
 * the official client's signature, with the simulated account's trails in
 * the ActionTrail stand-in: trail "org-audit-all" (cn-hangzhou) delivers to
 * project "security-audit-hz", logstore "actiontrail_org-audit-all";
 * "ops-shanghai-trail" delivers only to OSS.
 */
const STS_KEY = {
  accessKeyId: "STS.NUslsTestRole01",
  accessKeySecret: "sts-sls-secret-Wq9rT3",
  securityToken: "CAIS-sls-sts-token-Pm52",
};
const world = useGatewayWorld({ keys: [STS_KEY] });
const ROUTE = "/api/_sls/cn-hangzhou/org-audit-all/query";
const BASE = Date.UTC(2026, 9, 1, 0, 0, 0);
const FROM = BASE / 1000;
const TO = FROM + 86_400;

const logs: LogRow[] = Array.from({ length: 7 }, (_, i) =>
  eventToLog(
    makeEvent({
      time: BASE + i * 60_000,
      name: i % 2 === 0 ? "StopInstance" : "DescribeInstances",
      rw: i % 2 === 0 ? "Write" : "Read",
      service: "Ecs",
      user: i < 4 ? "alice" : "bob",
    }).raw,
  ),
);

let sls: RunningSlsStandIn;
beforeAll(async () => {
  sls = await startSlsStandIn({
    keys: [TEST_KEY, STS_KEY],
    logs: (project, logstore) =>
      project === "security-audit-hz" &&
      logstore === "actiontrail_org-audit-all"
        ? logs
        : undefined,
  });
});
afterAll(() => sls.close());

const gatewayWithSls = (
  env: Record<string, string> = {},
  credentials = TEST_KEY,
) => world.gateway({ GATEWAY_SLS_ENDPOINT: sls.endpoint, ...env }, credentials);

const q = (params: Record<string, string>) =>
  new URLSearchParams({
    from: String(FROM),
    to: String(TO),
    ...params,
  }).toString();

interface Answer {
  RequestId: string;
  Project: string;
  Logstore: string;
  Meta: {
    progress: string;
    count: number;
    processedRows: number;
    elapsedMillisecond: number;
    hasSQL: boolean;
    keys: string[];
  };
  Data: Record<string, string>[];
}

describe("querying a trail's logstore through the gateway", () => {
  it("runs the search signed with the gateway's key in the trail's own logstore and answers one page", async () => {
    const gw = await gatewayWithSls();
    const before = sls.received.length;
    const answer = await call(
      gw,
      `${ROUTE}?${q({ query: "event.eventName: StopInstance", line: "2" })}`,
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(200);
    const body = answer.json<Answer>();
    expect(body.Project).toBe("security-audit-hz");
    expect(body.Logstore).toBe("actiontrail_org-audit-all");
    expect(body.Meta.progress).toBe("Complete");
    expect(body.Meta.processedRows).toBe(7);
    expect(body.Data.map((r) => r["event.eventName"])).toEqual([
      "StopInstance",
      "StopInstance",
    ]);
    const seen = sls.received.slice(before);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      project: "security-audit-hz",
      logstore: "actiontrail_org-audit-all",
      accessKeyId: TEST_KEY.accessKeyId,
      body: { query: "event.eventName: StopInstance", from: FROM, to: TO },
    });
    expect(seen[0]?.refused).toBeUndefined();
  });

  it("pages with offset and line, newest first when asked", async () => {
    const gw = await gatewayWithSls();
    const answer = await call(
      gw,
      `${ROUTE}?${q({ query: "*", offset: "2", line: "3", reverse: "true" })}`,
      { headers: fromConsole(gw) },
    );
    const times = answer.json<Answer>().Data.map((r) => Number(r.__time__));
    expect(times).toEqual([FROM + 240, FROM + 180, FROM + 120]);
  });

  it("signs with an STS key and its token", async () => {
    const gw = await gatewayWithSls({}, STS_KEY);
    const before = sls.received.length;
    const answer = await call(
      gw,
      `${ROUTE}?${q({ query: "event.userIdentity.userName: bob | SELECT count(*) AS n" })}`,
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(200);
    const body = answer.json<Answer>();
    expect(body.Meta.hasSQL).toBe(true);
    expect(body.Data).toEqual([{ n: "3" }]);
    expect(sls.received.at(-1)?.accessKeyId).toBe(STS_KEY.accessKeyId);
    expect(sls.received.length).toBe(before + 1);
  });

  it("passes Log Service's refusal of a key it does not know on as its code", async () => {
    const stsOnly = await startSlsStandIn({
      keys: [STS_KEY],
      logs: () => logs,
    });
    try {
      const gw = await world.gateway({
        GATEWAY_SLS_ENDPOINT: stsOnly.endpoint,
      });
      const answer = await call(gw, `${ROUTE}?${q({ query: "*" })}`, {
        headers: fromConsole(gw),
      });
      expect(answer.status).toBe(401);
      expect(answer.json<{ Code: string }>().Code).toBe("Unauthorized");
      expect(stsOnly.received.at(-1)?.refused).toBe("Unauthorized");
    } finally {
      await stsOnly.close();
    }
  });

  it("shows Log Service's syntax error with its line and column", async () => {
    const gw = await gatewayWithSls();
    const answer = await call(
      gw,
      `${ROUTE}?${q({ query: "(event.eventRW: Write" })}`,
      { headers: fromConsole(gw) },
    );
    expect(answer.status).toBe(400);
    const body = answer.json<{ Code: string; Message: string }>();
    expect(body.Code).toBe("ParameterInvalid");
    expect(body.Message).toMatch(/^line 1:1: /);
  });

  it("refuses a trail without a Log Service destination and an unknown trail, without asking Log Service", async () => {
    const gw = await gatewayWithSls();
    const before = sls.received.length;
    const oss = await call(
      gw,
      `/api/_sls/cn-shanghai/ops-shanghai-trail/query?${q({ query: "*" })}`,
      { headers: fromConsole(gw) },
    );
    expect(oss.status).toBe(400);
    expect(oss.json<{ Message: string }>().Message).toMatch(
      /does not deliver to Log Service/,
    );
    const unknown = await call(
      gw,
      `/api/_sls/cn-hangzhou/no-such-trail/query?${q({ query: "*" })}`,
      { headers: fromConsole(gw) },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json<{ Code: string }>().Code).toBe(
      "TrailNotFoundException",
    );
    expect(sls.received.length).toBe(before);
  });

  it("refuses the unsigned, the cross-site, writes, oversized pages and bad ranges", async () => {
    const gw = await gatewayWithSls({ GATEWAY_SLS_MAX_LINES: "50" });
    const path = `${ROUTE}?${q({ query: "*" })}`;
    expect((await call(gw, path)).status).toBe(401);
    const crossSite = await call(gw, path, {
      headers: {
        Authorization: `Bearer ${TEST_TOKEN}`,
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
      },
    });
    expect(crossSite.status).toBe(403);
    const post = await call(gw, path, {
      method: "POST",
      headers: fromConsole(gw),
    });
    expect(post.status).toBe(405);
    const big = await call(gw, `${ROUTE}?${q({ query: "*", line: "51" })}`, {
      headers: fromConsole(gw),
    });
    expect(big.status).toBe(400);
    const backwards = await call(
      gw,
      `${ROUTE}?${new URLSearchParams({ query: "*", from: String(TO), to: String(FROM) }).toString()}`,
      { headers: fromConsole(gw) },
    );
    expect(backwards.status).toBe(400);
  });

  it("logs the trail and the rows, never the query text or the secret", async () => {
    const gw = await gatewayWithSls();
    const before = world.logLines.length;
    await call(
      gw,
      `${ROUTE}?${q({ query: "event.userIdentity.userName: alice" })}`,
      { headers: fromConsole(gw) },
    );
    const lines = world.logLines.slice(before).join("\n");
    expect(lines).toContain('"action":"GetLogs"');
    expect(lines).toContain('"trail":"org-audit-all"');
    expect(lines).toContain('"rows":4');
    expect(lines).not.toContain("alice");
    expect(lines).not.toContain(TEST_KEY.accessKeySecret);
  });
});
