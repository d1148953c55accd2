import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";
import { toVisibleString } from "./visible-text";

describe("toVisibleString", () => {
  it("makes a short visible string with the length of what was cut", () => {
    expect(toVisibleString("x".repeat(300), 10)).toBe(
      "xxxxxxxxxx… (300 characters)",
    );
    expect(toVisibleString("a\u202Eb")).toBe("a⟦RLO⟧b");
  });
});

describe("safeHref", () => {
  it("allows https and app-relative paths only", () => {
    expect(safeHref("https://help.aliyun.com/x")).toBe(
      "https://help.aliyun.com/x",
    );
    expect(safeHref("/events?region=cn-hangzhou")).toBe(
      "/events?region=cn-hangzhou",
    );
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<b>",
      "http://x",
      "//evil.example",
      "/\\evil",
      "vbscript:x",
    ]) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });
});
