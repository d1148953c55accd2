import { describe, expect, it } from "vitest";
import { LIVE_GATEWAY_TOKEN } from "../e2e/pages/live-gateway";
import { readConfig } from "./config";
import { tokenBits, tokenWeakness } from "./token-strength";
import { TEST_TOKEN } from "./testing/gateway-world";

const STRONG = "Qm3x_Vt8LpZ0kR2sWn7yB4cD";

describe("configuration", () => {
  it("listens on loopback by default and refuses unsafe settings", () => {
    const config = readConfig({});
    expect(config.host).toBe("127.0.0.1");
    expect(config.auth.kind).toBe("token");
    expect(config.secureTransport).toBe(false);
    expect(config.serveSourcemaps).toBe(false);
    expect(config.endpointTemplate).toBe(
      "https://actiontrail.{region}.aliyuncs.com/",
    );
    expect(() =>
      readConfig({
        GATEWAY_HOST: "0.0.0.0",
        GATEWAY_AUTH: "none",
        GATEWAY_PUBLIC_ORIGIN: "https://t.example",
      }),
    ).toThrow(/loopback/);
    expect(() => readConfig({ GATEWAY_HOST: "0.0.0.0" })).toThrow(
      /GATEWAY_PUBLIC_ORIGIN/,
    );
    expect(() =>
      readConfig({
        ACTIONTRAIL_ENDPOINT_TEMPLATE:
          "http://actiontrail.{region}.example.com/",
      }),
    ).toThrow(/loopback/);
    expect(() =>
      readConfig({
        ACTIONTRAIL_ENDPOINT_TEMPLATE: "https://actiontrail.example.com/",
      }),
    ).toThrow(/\{region\}/);
  });
});

describe("the access token", () => {
  it.each([
    ["16 times a", "a".repeat(16)],
    ["16 spaces", " ".repeat(16)],
    ["a long run of one letter", "b".repeat(64)],
    ["a short pattern repeated", "abc123".repeat(8)],
    ["a word with a space", "correct horse battery staple 2026"],
    ["a tab inside", `${STRONG}\t`],
    ["too little entropy", "abcdefghijklmnop"],
    ["few distinct characters", "aabbccddaabbccddaabbccddaabbccdd"],
  ])("refuses %s, saying how to generate a good one", (_name, token) => {
    expect(() => readConfig({ GATEWAY_TOKEN: token })).toThrow(
      /too weak[\s\S]*randomBytes\(24\)\.toString\('base64url'\)/,
    );
  });

  it("accepts 22+ random base64url characters, the generated token, and the tokens the tests use", () => {
    expect(tokenBits(STRONG)).toBeGreaterThanOrEqual(128);
    for (const token of [STRONG, TEST_TOKEN, LIVE_GATEWAY_TOKEN])
      expect({ token, weakness: tokenWeakness(token) }).toEqual({
        token,
        weakness: undefined,
      });
    const generated = readConfig({});
    expect(generated.auth).toMatchObject({ kind: "token", generated: true });
    expect(
      generated.auth.kind === "token" && tokenWeakness(generated.auth.token),
    ).toBeUndefined();
  });
});

describe("beyond loopback", () => {
  const open = { GATEWAY_HOST: "0.0.0.0", GATEWAY_TOKEN: STRONG };

  it("refuses a plain-http public origin or bare allowed hosts, naming the fix", () => {
    expect(() =>
      readConfig({ ...open, GATEWAY_PUBLIC_ORIGIN: "http://t.example" }),
    ).toThrow(/travel in clear[\s\S]*GATEWAY_PUBLIC_ORIGIN=https:/);
    expect(() =>
      readConfig({ ...open, GATEWAY_ALLOWED_HOSTS: "t.example:8080" }),
    ).toThrow(/GATEWAY_TLS_TERMINATED_BY_PROXY=1/);
    expect(() =>
      readConfig({
        ...open,
        GATEWAY_ALLOWED_HOSTS: "t.example:8080",
        GATEWAY_TLS_TERMINATED_BY_PROXY: "1",
      }),
    ).toThrow(/GATEWAY_TRUSTED_PROXIES/);
  });

  it("starts with an https public origin, or behind a named TLS proxy, with Secure cookies", () => {
    expect(
      readConfig({ ...open, GATEWAY_PUBLIC_ORIGIN: "https://t.example" }),
    ).toMatchObject({ secureTransport: true });
    expect(
      readConfig({
        ...open,
        GATEWAY_ALLOWED_HOSTS: "t.example",
        GATEWAY_TLS_TERMINATED_BY_PROXY: "1",
        GATEWAY_TRUSTED_PROXIES: "10.0.0.5",
      }),
    ).toMatchObject({ secureTransport: true, tlsTerminatedByProxy: true });
    // On loopback plain http stays fine (a developer's machine).
    expect(
      readConfig({ GATEWAY_PUBLIC_ORIGIN: "http://localhost:8080" }),
    ).toMatchObject({ secureTransport: false });
  });
});
