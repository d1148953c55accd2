import { describe, expect, it } from "vitest";
import { REGIONS } from "@mocks/data/regions";
import { installAccount } from "@mocks/node";
import { once, rpcError } from "@mocks/testing/helpers";

describe("DescribeRegions", () => {
  it("lists the 23 regions in English by default with their endpoints", async () => {
    installAccount();
    const { regions } = await once("cn-hangzhou", "DescribeRegions", {});
    expect(regions).toHaveLength(23);
    expect(regions.find((r) => r.id === "me-east-1")).toEqual({
      id: "me-east-1",
      name: "UAE (Dubai)",
      endpoint: "actiontrail.me-east-1.aliyuncs.com",
    });
  });

  it("speaks Chinese for zh-CN and refuses other languages with InvalidAcceptLanguage", async () => {
    installAccount();
    const { regions } = await once("ap-southeast-1", "DescribeRegions", {
      AcceptLanguage: "zh-CN",
    });
    expect(regions.map((r) => r.name)).toEqual(REGIONS.map((r) => r.zh));
    expect(
      (
        await rpcError("cn-hangzhou", "DescribeRegions", {
          AcceptLanguage: "fr-FR" as "en-US",
        })
      ).code,
    ).toBe("InvalidAcceptLanguage");
  });
});
