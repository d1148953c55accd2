import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { once, rpcError } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const setup = () =>
  installAccount({ now: NOW, clock: () => NOW, rateLimits: false });
const KEY = INCIDENTS.leakedAccessKey.accessKeyId;

describe("AccessKey audit", () => {
  it("names ci-deployer as the owner of the leaked key and its last use from a foreign address", async () => {
    setup();
    const info = await once("cn-hangzhou", "GetAccessKeyLastUsedInfo", {
      AccessKey: KEY,
    });
    expect(info).toMatchObject({
      accessKeyId: KEY,
      userName: "ci-deployer",
      accountType: "RamUser",
      serviceName: "Ecs",
    });
    const detail = JSON.parse(info.detail) as {
      sourceIpAddress: string;
      eventName: string;
    };
    expect(INCIDENTS.leakedAccessKey.sourceIps).toContain(
      detail.sourceIpAddress,
    );
    expect(info.usedAt).toBeGreaterThan(NOW - 4 * 86_400_000);
  });

  it("lists products, events, addresses and resources of a key, paged", async () => {
    setup();
    const products = await once("cn-hangzhou", "GetAccessKeyLastUsedProducts", {
      AccessKey: KEY,
    });
    expect(products.products.map((p) => p.serviceName)).toContain("Ecs");
    const ips = await once("cn-hangzhou", "GetAccessKeyLastUsedIps", {
      AccessKey: KEY,
      PageSize: 100,
    });
    const addresses = ips.ips.map((ip) => ip.sourceIp);
    for (const ip of INCIDENTS.leakedAccessKey.sourceIps)
      expect(addresses).toContain(ip);
    expect(addresses.some((ip) => ip.startsWith("198.51.100.4"))).toBe(true);
    const events = await once("cn-hangzhou", "GetAccessKeyLastUsedEvents", {
      AccessKey: KEY,
      PageSize: 2,
    });
    expect(events.events).toHaveLength(2);
    expect(events.nextToken).toBeTruthy();
    const more = await once("cn-hangzhou", "GetAccessKeyLastUsedEvents", {
      AccessKey: KEY,
      PageSize: 2,
      NextToken: events.nextToken,
    });
    expect(more.events[0]!.eventName).not.toBe(events.events[0]!.eventName);
    const resources = await once(
      "cn-hangzhou",
      "GetAccessKeyLastUsedResources",
      { AccessKey: KEY, ServiceName: "Ecs", PageSize: 100 },
    );
    expect(
      resources.resources.some((r) => r.resourceType === "ACS::ECS::Instance"),
    ).toBe(true);
  });

  it("checks its parameters", async () => {
    setup();
    expect(
      (
        await rpcError(
          "cn-hangzhou",
          "GetAccessKeyLastUsedInfo",
          {} as { AccessKey: string },
        )
      ).code,
    ).toBe("MissingParameter");
    expect(
      (
        await rpcError("cn-hangzhou", "GetAccessKeyLastUsedIps", {
          AccessKey: KEY,
          PageSize: 101,
        })
      ).code,
    ).toBe("InvalidParameterValue");
    const unknown = await once("cn-hangzhou", "GetAccessKeyLastUsedInfo", {
      AccessKey: "LTAI5tNeverSeen000000",
    });
    expect(unknown.userName).toBe("");
  });
});
