import { describe, expect, it } from "vitest";
import { createStringTable, internJson } from "./intern";

describe("createStringTable", () => {
  it("hands out one copy per value and keeps every value's text", () => {
    const table = createStringTable();
    const a = table.intern(["ecs", "aliyuncs.com"].join("."));
    const b = table.intern(JSON.parse('"ecs.aliyuncs.com"') as string);
    expect(a).toBe("ecs.aliyuncs.com");
    expect(b).toBe("ecs.aliyuncs.com");
    expect(table.size).toBe(1);
  });

  it("starts again when full, so unique IDs cannot grow it without bound", () => {
    const table = createStringTable(3);
    for (const id of ["id-1", "id-2", "id-3", "id-4", "id-5"])
      expect(table.intern(id)).toBe(id);
    expect(table.size).toBeLessThanOrEqual(3);
    table.clear();
    expect(table.size).toBe(0);
  });

  it("leaves a very long string out of the table", () => {
    const table = createStringTable();
    const long = "x".repeat(200_000);
    expect(table.intern(long)).toBe(long);
    expect(table.size).toBe(0);
  });
});

describe("internJson", () => {
  it("keeps an event tree byte for byte, hostile text and all", () => {
    const text = JSON.stringify({
      eventName: "abc\u202Edcba.exe",
      requestParameters: {
        Name: "ad\u200Bmin",
        Tags: ["=1+1\nnote", "\uD800", "<script>window.__pwned=1</script>"],
        Nested: [[{ Deep: "аdmin" }], null, 3, true],
      },
      empty: "",
    });
    const tree: unknown = JSON.parse(text);
    internJson(tree, createStringTable());
    expect(JSON.stringify(tree)).toBe(text);
  });

  it("treats __proto__ and constructor keys as ordinary keys", () => {
    const text =
      '{"__proto__":{"polluted":"yes"},"constructor":"x","a":{"__proto__":"y"}}';
    const tree = JSON.parse(text) as Record<string, unknown>;
    internJson(tree, createStringTable());
    expect(JSON.stringify(tree)).toBe(text);
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(tree.a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("copes with 200-level nesting (deeper strings are left as they are)", () => {
    let text = '"leaf"';
    for (let i = 0; i < 200; i++) text = `{"k":[${text}]}`;
    const tree: unknown = JSON.parse(text);
    internJson(tree, createStringTable());
    expect(JSON.stringify(tree)).toBe(text);
  });
});
