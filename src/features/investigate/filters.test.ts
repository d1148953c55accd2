import { describe, expect, it } from "vitest";
import {
  guessTarget,
  guessTargets,
  identityHref,
  parseIdentitySearch,
  parseResourceSearch,
} from "./filters";

describe("investigate filters", () => {
  it("guesses what a typed value is", () => {
    expect(guessTarget("LTAI5tCiDeployLeak7Qx9")).toEqual({
      to: "identity",
      kind: "accessKey",
    });
    expect(guessTarget(" 203.0.113.24 ")).toEqual({
      to: "identity",
      kind: "ip",
    });
    expect(guessTarget("i-bp1prodweb01ab9xz")).toEqual({ to: "resource" });
    expect(guessTarget("ReadOnlyScanner:scan-7781")).toEqual({
      to: "identity",
      kind: "role",
    });
    expect(guessTarget("li.wei")).toEqual({ to: "identity", kind: "user" });
  });

  it("parses and writes identity and resource searches, refusing malformed ones", () => {
    expect(
      parseIdentitySearch(new URLSearchParams("kind=user&value=li.wei")),
    ).toEqual({ kind: "user", value: "li.wei", range: "7d" });
    expect(
      parseIdentitySearch(new URLSearchParams("kind=nope&value=x")),
    ).toBeUndefined();
    expect(
      parseResourceSearch(new URLSearchParams("name=i-1&range=bogus")),
    ).toEqual({ name: "i-1", range: "30d" });
    expect(
      identityHref({ kind: "accessKey", value: "a&b", range: "30d" }),
    ).toBe("/investigate/identity?kind=accessKey&value=a%26b&range=30d");
  });
});

describe("guessTargets", () => {
  it("offers a resource and a user for an instance-style name, one reading otherwise", () => {
    expect(guessTargets("prod-web-01")).toEqual([
      { to: "resource" },
      { to: "identity", kind: "user" },
    ]);
    expect(guessTargets("LTAI5tAbc")).toEqual([
      { to: "identity", kind: "accessKey" },
    ]);
    expect(guessTargets("203.0.113.24")).toEqual([
      { to: "identity", kind: "ip" },
    ]);
    expect(guessTargets("li.wei")).toEqual([{ to: "identity", kind: "user" }]);
  });
});
