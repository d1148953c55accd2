import { describe, expect, it } from "vitest";
import { createAccount } from "@mocks/data/account";
import { installAccount } from "@mocks/node";
import { SENT_AT_HEADER } from "@mocks/sent-at";
import { once, rpcError } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const call = (query: string, init?: RequestInit) =>
  fetch(`http://localhost/api/cn-hangzhou/?${query}`, init);

describe("the RPC front door", () => {
  it("answers an unknown action with 404 InvalidAction in the error envelope", async () => {
    installAccount({ now: NOW });
    const response = await call("Action=DescribeEverything&Version=2020-07-06");
    expect(response.status).toBe(404);
    const body = (await response.json()) as Record<string, string>;
    expect(body.Code).toBe("InvalidAction");
    expect(body.HostId).toBe("actiontrail.cn-hangzhou.aliyuncs.com");
    expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(typeof body.Message).toBe("string");
  });

  it("requires Action and Version, and checks the Version", async () => {
    installAccount({ now: NOW });
    expect(
      ((await (await call("Version=2020-07-06")).json()) as { Code: string })
        .Code,
    ).toBe("MissingParameter");
    expect(
      (
        (await (await call("Action=DescribeRegions")).json()) as {
          Code: string;
        }
      ).Code,
    ).toBe("MissingParameter");
    const wrong = await call("Action=DescribeRegions&Version=2017-12-04");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { Code: string }).Code).toBe(
      "InvalidVersion",
    );
  });

  it("reads POST parameters from the query and from a form body, on any origin", async () => {
    installAccount({ now: NOW });
    const response = await fetch(
      "https://console.example.test/api/cn-hangzhou/?Action=DescribeRegions",
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "Version=2020-07-06&AcceptLanguage=zh-CN",
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      Regions: { Region: { RegionId: string; LocalName: string }[] };
    };
    expect(
      body.Regions.Region.find((r) => r.RegionId === "cn-hangzhou")?.LocalName,
    ).toBe("华东1（杭州）");
  });

  it("refuses an unknown region in the path", async () => {
    installAccount({ now: NOW });
    const response = await fetch(
      "http://localhost/api/mars-north-1/?Action=DescribeRegions&Version=2020-07-06",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Code: string }).Code).toBe(
      "InvalidRegionId",
    );
  });

  it("throttles LookupEvents beyond 10 calls a second with Throttling.User (HTTP 400)", async () => {
    installAccount({ now: NOW, clock: () => NOW });
    for (let i = 0; i < 10; i++)
      await once("cn-hangzhou", "LookupEvents", { MaxResults: 1 });
    const error = await rpcError("cn-hangzhou", "LookupEvents", {
      MaxResults: 1,
    });
    expect(error.code).toBe("Throttling.User");
    expect(error.status).toBe(400);
    // Other actions have their own budget.
    await expect(
      once("cn-hangzhou", "DescribeTrails", {}),
    ).resolves.toBeDefined();
  });

  it("counts LookupEvents by the time the request says it was sent", async () => {
    installAccount({ now: NOW, clock: () => NOW + 5_000 });
    const lookup = (sent: number) =>
      call(
        "Action=LookupEvents&Version=2020-07-06&MaxResults=1&StartTime=2026-11-22T00:00:00Z&EndTime=2026-11-23T00:00:00Z",
        { headers: { [SENT_AT_HEADER]: String(sent) } },
      );
    // Ten sent 100 ms apart and one more a second after the first: all pass,
    // though every one is handled at the same moment.
    for (let i = 0; i <= 10; i++)
      expect((await lookup(NOW + i * 100)).status).toBe(200);
    // One more sent in the same second as the last ten is throttled.
    const refused = await lookup(NOW + 1_050);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { Code: string }).Code).toBe(
      "Throttling.User",
    );
  });

  it("lets the next second through again", async () => {
    let clock = NOW;
    installAccount({ now: NOW, clock: () => clock });
    for (let i = 0; i < 5; i++)
      await once("cn-hangzhou", "StartLogging", { Name: "security-writes-hz" });
    expect(
      (
        await rpcError("cn-hangzhou", "StartLogging", {
          Name: "security-writes-hz",
        })
      ).code,
    ).toBe("Throttling.User");
    clock += 1000;
    await expect(
      once("cn-hangzhou", "StartLogging", { Name: "security-writes-hz" }),
    ).resolves.toBeDefined();
  });

  it("refuses writes to the auditor with 403 NoPermission naming the action, and allows reads", async () => {
    installAccount({ now: NOW, identity: "auditor" });
    const error = await rpcError("cn-hangzhou", "CreateTrail", {
      Name: "auditor-trail",
      OssBucketName: "ops-logs-hz",
    });
    expect(error.status).toBe(403);
    expect(error.code).toBe("NoPermission");
    expect(error.message).toBe(
      "You are not authorized to do this action. Action: actiontrail:CreateTrail",
    );
    expect(
      (await rpcError("cn-hangzhou", "DeleteTrail", { Name: "org-audit-all" }))
        .message,
    ).toContain("actiontrail:DeleteTrail");
    await expect(
      once("cn-hangzhou", "DescribeTrails", {}),
    ).resolves.toBeDefined();
  });

  it("injects throttling and server faults when asked", async () => {
    const account = installAccount({
      now: NOW,
      faults: { throttleRate: 1, errorRate: 0, slowRate: 0, slowMs: 0 },
    });
    expect((await rpcError("cn-hangzhou", "DescribeRegions", {})).code).toBe(
      "Throttling.User",
    );
    account.faults = { throttleRate: 0, errorRate: 1, slowRate: 0, slowMs: 0 };
    const error = await rpcError("cn-hangzhou", "DescribeRegions", {});
    expect(error.code).toBe("InternalError");
    expect(error.status).toBe(500);
  });

  it("keeps state on the account object: two accounts do not share trails", () => {
    const a = createAccount({ now: NOW, scale: 0.001 });
    const b = createAccount({ now: NOW, scale: 0.001 });
    a.trails.delete("org-audit-all");
    expect(b.trails.has("org-audit-all")).toBe(true);
  });

  it("answers every call of a failing region with 503 ServiceUnavailable, and the other regions as usual", async () => {
    const account = installAccount({ now: NOW });
    account.failRegions = ["eu-west-1"];
    const failed = await rpcError("eu-west-1", "LookupEvents", {
      MaxResults: 1,
    });
    expect(failed.status).toBe(503);
    expect(failed.code).toBe("ServiceUnavailable");
    expect((await rpcError("eu-west-1", "DescribeTrails", {})).code).toBe(
      "ServiceUnavailable",
    );
    await expect(
      once("cn-hangzhou", "LookupEvents", { MaxResults: 1 }),
    ).resolves.toBeDefined();
  });
});
