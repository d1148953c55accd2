import { describe, expect, it } from "vitest";
import { eventSearchHref, parseCondition } from "./event-search-url";

describe("eventSearchHref", () => {
  it("names region, absolute range, conditions and the open event", () => {
    const href = eventSearchHref({
      region: "cn-hangzhou",
      from: Date.UTC(2026, 10, 20, 1, 0, 0, 500),
      to: "2026-11-21T00:00:00Z",
      rw: "Write",
      filters: [{ key: "ResourceName", value: "i-bp1:odd" }],
      eventId: "E1",
    });
    const url = new URL(href, "https://x.test");
    expect(url.pathname).toBe("/events");
    expect(url.searchParams.get("from")).toBe("2026-11-20T01:00:00Z");
    expect(url.searchParams.getAll("f")).toEqual(["ResourceName:i-bp1:odd"]);
    expect(url.searchParams.get("event")).toBe("E1");
  });

  it("keeps colons inside values when parsing a condition back", () => {
    expect(parseCondition("User:role:session")).toEqual({
      key: "User",
      value: "role:session",
    });
    expect(parseCondition(":nokey")).toBeUndefined();
  });
});
