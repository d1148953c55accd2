import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../config";

describe("the gateway's alert settings", () => {
  it("keeps alerts off without a store, reads cn-hangzhou, ticks every 15 s and looks at trails every 5 minutes", () => {
    expect(readConfig({}).alerts).toEqual({
      storePath: undefined,
      allowAddresses: [],
      regions: ["cn-hangzhou"],
      tickMs: 15_000,
      trailCheckMs: 300_000,
    });
  });

  it("reads the store, the allow-list, the regions, the tick and the trail watch", () => {
    expect(
      readConfig({
        GATEWAY_ALERTS_STORE: "/var/lib/trailscope/alerts.json",
        GATEWAY_ALERT_ALLOW_ADDRESSES: "127.0.0.1, 10.20.0.0/16, ::1",
        GATEWAY_ALERT_REGIONS: "cn-hangzhou,ap-southeast-1",
        GATEWAY_ALERTS_TICK_S: "0",
        GATEWAY_ALERTS_TRAIL_CHECK_S: "0",
      }).alerts,
    ).toEqual({
      storePath: "/var/lib/trailscope/alerts.json",
      allowAddresses: ["127.0.0.1", "10.20.0.0/16", "::1"],
      regions: ["cn-hangzhou", "ap-southeast-1"],
      tickMs: 0,
      trailCheckMs: 0,
    });
  });

  it.each([
    [
      { GATEWAY_ALERT_ALLOW_ADDRESSES: "localhost" },
      /not an IP address or CIDR/,
    ],
    [
      { GATEWAY_ALERT_ALLOW_ADDRESSES: "10.0.0.0/40" },
      /not an IP address or CIDR/,
    ],
    [{ GATEWAY_ALERT_REGIONS: "Hangzhou" }, /not a region ID/],
  ])("refuses %o", (env, why) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(why);
  });
});
