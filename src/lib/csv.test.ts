import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, isFormulaLike, toCsv } from "./csv";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks the RFC 4180 way", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
    expect(csvCell("plain")).toBe("plain");
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+1+1", "'+1+1"],
    ["-1-1", "'-1-1"],
    ["-1+1", "'-1+1"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["\n=1", `"'\n=1"`],
    ["\0x", "'\0x"],
    ["=1+1\nnote", `"'=1+1\nnote"`],
    ["=", "'="],
    ["-", "'-"],
  ])("neutralises the formula %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ["\uFF1DSUM(1,2)", `"'\uFF1DSUM(1,2)"`],
    ["\uFF0B1\uFF0B1", "'\uFF0B1\uFF0B1"],
    ["\uFF0D12", "'\uFF0D12"],
    ["\uFF20SUM(1)", "'\uFF20SUM(1)"],
    ["\uFF1D1\nnote", `"'\uFF1D1\nnote"`],
  ])("neutralises the fullwidth formula %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("neutralises a fullwidth trigger in the header row too", () => {
    expect(toCsv(["\uFF1Dcol"], [])).toBe("'\uFF1Dcol\r\n");
  });

  it("keeps plain negative and signed numbers as numbers", () => {
    expect(csvCell("-12")).toBe("-12");
    expect(csvCell("-3.5")).toBe("-3.5");
    expect(csvCell("+7")).toBe("+7");
    expect(csvCell(-42)).toBe("-42");
    expect(isFormulaLike("-1e3")).toBe(false);
    expect(isFormulaLike("-1e3+1")).toBe(true);
  });

  it("writes empty cells for null and undefined and JSON for objects", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe("toCsv", () => {
  it("neutralises formulas in the header row too and ends records with CRLF", () => {
    expect(toCsv(["=cmd", "name"], [["1", "=2"]])).toBe(
      "'=cmd,name\r\n1,'=2\r\n",
    );
  });

  it("exposes a UTF-8 byte order mark for the file start", () => {
    expect(CSV_BOM).toBe("\uFEFF");
    expect(Array.from(new TextEncoder().encode(CSV_BOM))).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });
});
