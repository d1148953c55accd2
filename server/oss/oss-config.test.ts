import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../config";

const base = { GATEWAY_TOKEN: "console-token-4f9a7c2e81b6d035" };

describe("the gateway's OSS settings", () => {
  it("reads every bucket at its region's OSS endpoint with a 64 MiB file limit by default", () => {
    expect(readConfig(base).oss).toEqual({
      endpoint: undefined,
      maxObjectBytes: 64 * 1024 * 1024,
      maxListedFiles: 100_000,
    });
  });

  it("takes a loopback stand-in over plain http and an https endpoint anywhere", () => {
    expect(
      readConfig({ ...base, GATEWAY_OSS_ENDPOINT: "http://127.0.0.1:4363" }).oss
        .endpoint,
    ).toBe("http://127.0.0.1:4363");
    expect(
      readConfig({
        ...base,
        GATEWAY_OSS_ENDPOINT: "https://oss-cn-hangzhou-internal.aliyuncs.com",
      }).oss.endpoint,
    ).toBe("https://oss-cn-hangzhou-internal.aliyuncs.com");
  });

  it.each([
    [{ GATEWAY_OSS_ENDPOINT: "http://oss.example.com" }, /only on loopback/],
    [{ GATEWAY_OSS_ENDPOINT: "ftp://127.0.0.1" }, /http\(s\) URL/],
    [{ GATEWAY_MAX_ARCHIVE_OBJECT_BYTES: "12" }, /from 1024/],
    [{ GATEWAY_MAX_ARCHIVE_FILES: "lots" }, /whole number/],
  ])("refuses %o with what to fix", (env, message) => {
    expect(() => readConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => readConfig({ ...base, ...env })).toThrow(message);
  });
});
