import { describe, expect, it } from "vitest";
import {
  KNOWN_EVENT_FIELDS,
  collectFieldPaths,
  fieldColumnId,
  fieldPathOf,
  fieldText,
  flattenPaths,
  isFieldColumn,
  valueAtPath,
} from "./field-paths";

const event = {
  eventName: "CreateInstance",
  userIdentity: {
    type: "ram-user",
    accessKeyId: "LTAI5tExampleKey",
    sessionContext: { attributes: { mfaAuthenticated: "false" } },
  },
  requestParameters: {
    "Tag.1.Key": "env",
    InstanceType: "ecs.g7.large",
    SecurityGroupIds: ["sg-1", "sg-2"],
    Empty: {},
  },
};

describe("flattenPaths", () => {
  it("lists nested objects and their leaves as dotted paths, in the event's order", () => {
    expect(flattenPaths(event)).toEqual([
      "eventName",
      "userIdentity",
      "userIdentity.type",
      "userIdentity.accessKeyId",
      "userIdentity.sessionContext",
      "userIdentity.sessionContext.attributes",
      "userIdentity.sessionContext.attributes.mfaAuthenticated",
      "requestParameters",
      "requestParameters.Tag.1.Key",
      "requestParameters.InstanceType",
      "requestParameters.SecurityGroupIds",
      "requestParameters.Empty",
    ]);
  });

  it("treats arrays as leaves and ignores non-objects", () => {
    expect(flattenPaths({ list: [{ a: 1 }] })).toEqual(["list"]);
    expect(flattenPaths("text")).toEqual([]);
    expect(flattenPaths(null)).toEqual([]);
    expect(flattenPaths([1, 2])).toEqual([]);
  });

  it("stops at the cap and at a hostile depth", () => {
    expect(flattenPaths(event, 3)).toHaveLength(3);
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 50; i++) deep = { n: deep };
    const paths = flattenPaths(deep);
    expect(paths.length).toBeLessThanOrEqual(6);
  });

  it("keeps a __proto__ key as an ordinary path", () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown;
    expect(flattenPaths(hostile)).toEqual(["__proto__", "__proto__.polluted"]);
    expect(valueAtPath(hostile, "__proto__.polluted")).toBe("yes");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("collectFieldPaths", () => {
  it("offers the known fields first, then the paths seen, sorted and without repeats", () => {
    const paths = collectFieldPaths([
      { raw: event },
      { raw: { additionalEventData: { loginAccount: "x" } } },
    ]);
    expect(paths.slice(0, KNOWN_EVENT_FIELDS.length)).toEqual([
      ...KNOWN_EVENT_FIELDS,
    ]);
    const rest = paths.slice(KNOWN_EVENT_FIELDS.length);
    expect(rest).toContain("requestParameters.Tag.1.Key");
    expect(rest).toContain("additionalEventData.loginAccount");
    expect(rest).not.toContain("userIdentity.accessKeyId");
    expect(rest).toEqual([...rest].sort());
  });

  it("caps the list", () => {
    const wide = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]),
    );
    expect(collectFieldPaths([{ raw: wide }], { cap: 100 })).toHaveLength(100);
  });
});

describe("valueAtPath", () => {
  it("reads nested values, keys with dots included", () => {
    expect(valueAtPath(event, "userIdentity.accessKeyId")).toBe(
      "LTAI5tExampleKey",
    );
    expect(valueAtPath(event, "requestParameters.Tag.1.Key")).toBe("env");
    expect(
      valueAtPath(event, "userIdentity.sessionContext.attributes"),
    ).toEqual({ mfaAuthenticated: "false" });
    expect(valueAtPath(event, "userIdentity.missing")).toBeUndefined();
    expect(valueAtPath(event, "eventName.length")).toBeUndefined();
    expect(valueAtPath(event, "")).toBeUndefined();
  });
});

describe("fieldText and column ids", () => {
  it("writes objects as compact JSON and absent values as empty", () => {
    expect(fieldText({ a: [1, "b"] })).toBe('{"a":[1,"b"]}');
    expect(fieldText(undefined)).toBe("");
    expect(fieldText(null)).toBe("");
    expect(fieldText(false)).toBe("false");
    expect(fieldText(12)).toBe("12");
  });

  it("round-trips a path through its column id", () => {
    const id = fieldColumnId("requestParameters.Tag.1.Key");
    expect(isFieldColumn(id)).toBe(true);
    expect(isFieldColumn("time")).toBe(false);
    expect(fieldPathOf(id)).toBe("requestParameters.Tag.1.Key");
  });
});
