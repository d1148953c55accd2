import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-href";

const APP = "https://trailscope.example.com";

describe("safeHref", () => {
  it("keeps app paths on the app's origin, query and fragment included", () => {
    expect(safeHref("/events?region=cn-hangzhou#e1", APP)).toBe(
      "/events?region=cn-hangzhou#e1",
    );
    expect(safeHref("  /trails/new  ", APP)).toBe("/trails/new");
  });

  it.each([
    ["a tab-hidden absolute URL", "/\t/evil.example"],
    ["a newline-hidden absolute URL", "/\n/evil.example/x"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash host", "/\\evil.example"],
    ["a backslash and a tab", "/\t\\evil.example"],
    ["a scheme hidden by a tab", "java\tscript:alert(1)"],
    ["a relative path", "events"],
    ["plain http", "http://evil.example"],
    ["https hidden behind a tab", "https:\t//evil.example"],
  ])("refuses %s", (_name, value) => {
    expect(safeHref(value, APP)).toBeUndefined();
  });

  it("allows an absolute https URL written out in full", () => {
    expect(safeHref("https://help.aliyun.com/x", APP)).toBe(
      "https://help.aliyun.com/x",
    );
  });

  it("uses the page's own origin by default", () => {
    expect(safeHref("/\t/evil.example")).toBeUndefined();
    expect(safeHref("/events")).toBe("/events");
  });
});
