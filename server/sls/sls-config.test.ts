import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../config";

const base = { GATEWAY_TOKEN: "console-token-4f9a7c2e81b6d035" };

describe("the gateway's Log Service settings", () => {
  it("queries each project at its region's endpoint, a hundred logs a page, by default", () => {
    expect(readConfig(base).sls).toEqual({
      endpoint: undefined,
      maxLines: 100,
    });
  });

  it("takes a loopback stand-in over plain http and an https endpoint anywhere", () => {
    expect(
      readConfig({ ...base, GATEWAY_SLS_ENDPOINT: "http://127.0.0.1:4353" }).sls
        .endpoint,
    ).toBe("http://127.0.0.1:4353");
    expect(
      readConfig({
        ...base,
        GATEWAY_SLS_ENDPOINT: "https://cn-hangzhou-intranet.log.aliyuncs.com",
      }).sls.endpoint,
    ).toBe("https://cn-hangzhou-intranet.log.aliyuncs.com");
  });

  it.each([
    [{ GATEWAY_SLS_ENDPOINT: "http://log.example.com" }, /only on loopback/],
    [{ GATEWAY_SLS_ENDPOINT: "ftp://127.0.0.1" }, /http\(s\) URL/],
    [{ GATEWAY_SLS_MAX_LINES: "500" }, /from 1 to 100/],
  ])("refuses %o with what to fix", (env, message) => {
    expect(() => readConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, ...env })).toThrow(message);
  });
});
