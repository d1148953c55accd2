import { describe, expect, it } from "vitest";
import {
  eventIdParam,
  eventSearchHref,
  eventSearchParams,
  fromUtf16Hex,
  isWellFormedText,
  parseCondition,
  readEventIdParam,
  toUtf16Hex,
} from "./event-search-url";

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

describe("the open event's ID in a URL", () => {
  /** Writes the ID into a link, through the URL's text, and reads it back as the console does. */
  const roundTrip = (eventId: string): string | undefined => {
    const href = eventSearchHref({ region: "cn-hangzhou", eventId });
    const url = new URL(href, "https://x.test");
    return readEventIdParam(new URLSearchParams(url.search));
  };

  it("keeps ordinary IDs readable in event=", () => {
    const id = "0f3c6a1e-64b1-4f25-8a8b-91e2b3e4f5a6";
    expect(eventIdParam(id)).toEqual(["event", id]);
    expect(eventSearchParams({ eventId: id }).get("event")).toBe(id);
    expect(roundTrip(id)).toBe(id);
  });

  it("keeps emoji and other well-formed non-ASCII readable", () => {
    const id = "evt-😀-事件-\uFFFD";
    expect(isWellFormedText(id)).toBe(true);
    expect(eventIdParam(id)[0]).toBe("event");
    expect(roundTrip(id)).toBe(id);
  });

  it("brings a lone surrogate back exactly, not as U+FFFD", () => {
    for (const id of [
      "evt-\uD800",
      "evt-\uDC00",
      "\uDBFF",
      "a\uDC00\uD800b",
      "😀\uD83D",
    ]) {
      expect(isWellFormedText(id)).toBe(false);
      expect(eventIdParam(id)[0]).toBe("event16");
      expect(roundTrip(id)).toBe(id);
    }
    expect(roundTrip("evt-\uD800")).not.toBe("evt-\uFFFD");
  });

  it("shows what a URL does to a lone surrogate written as it is", () => {
    const params = new URLSearchParams();
    params.set("event", "evt-\uD800");
    expect(new URLSearchParams(params.toString()).get("event")).toBe(
      "evt-\uFFFD",
    );
  });

  it("reads old links with event= and ignores a malformed event16", () => {
    expect(readEventIdParam(new URLSearchParams("event=E1"))).toBe("E1");
    expect(readEventIdParam(new URLSearchParams("event=E1&event16=zz"))).toBe(
      "E1",
    );
    expect(readEventIdParam(new URLSearchParams("event16=00"))).toBe(undefined);
    expect(toUtf16Hex("A\uD800")).toBe("0041d800");
    expect(fromUtf16Hex("0041D800")).toBe("A\uD800");
  });
});
