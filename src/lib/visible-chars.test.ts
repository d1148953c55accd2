import { describe, expect, it } from "vitest";
import { hasSpecialChars, markInvisible, splitVisible } from "./visible-chars";

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

  it("writes every hidden character out as ⟦LABEL⟧, as the console and the gateway's messages show it", () => {
    expect(markInvisible("adm\u200Bin\u202Egnp.exe\nx")).toBe(
      "adm⟦ZWSP⟧in⟦RLO⟧gnp.exe⟦LF⟧x",
    );
    expect(markInvisible("plain 中文")).toBe("plain 中文");
  });
});
