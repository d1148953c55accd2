import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";
import { hasSpecialChars, splitVisible, toVisibleString } from "./visible-text";

describe("splitVisible", () => {
  it('marks a right-to-left override so "abc\\u202Edcba.exe" cannot pass for another name', () => {
    expect(splitVisible("abc\u202Edcba.exe")).toEqual([
      { kind: "text", text: "abc" },
      { kind: "special", text: "\u202E", label: "RLO" },
      { kind: "text", text: "dcba.exe" },
    ]);
  });

  it("marks zero-width characters, NUL and lone surrogates", () => {
    const labels = splitVisible("ad\u200Bmin\u0000x\uD800")
      .filter((p) => p.kind === "special")
      .map((p) => (p.kind === "special" ? p.label : ""));
    expect(labels).toEqual(["ZWSP", "NUL", "lone surrogate U+D800"]);
  });

  it("leaves emoji sequences and other scripts alone", () => {
    expect(hasSpecialChars("👩‍💻 аdmin 中文")).toBe(true); // the ZWJ inside the emoji is shown
    expect(hasSpecialChars("аdmin 中文 😀")).toBe(false);
  });

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
