import { describe, expect, it } from "vitest";
import { parseEventSearch, writeEventSearch } from "./filters";

/** The search after being written to the address bar's text and read back. */
const throughUrl = (params: URLSearchParams) =>
  parseEventSearch(new URLSearchParams(params.toString()));

describe("the open event in the search URL", () => {
  it("reopens an event whose ID holds a lone surrogate, not its U+FFFD twin", () => {
    const base = parseEventSearch(new URLSearchParams("region=cn-hangzhou"));
    const written = writeEventSearch(
      new URLSearchParams("region=cn-hangzhou"),
      {
        ...base,
        eventId: "evt-\uD800",
      },
    );
    expect(written.get("event")).toBeNull();
    expect(throughUrl(written).eventId).toBe("evt-\uD800");
  });

  it("replaces an encoded ID with a readable one when another event opens", () => {
    const prev = new URLSearchParams("region=cn-hangzhou&event16=0065d800");
    expect(parseEventSearch(prev).eventId).toBe("e\uD800");
    const next = writeEventSearch(prev, {
      ...parseEventSearch(prev),
      eventId: "E2",
    });
    expect(next.get("event16")).toBeNull();
    expect(throughUrl(next).eventId).toBe("E2");
    const closed = writeEventSearch(prev, {
      ...parseEventSearch(prev),
      eventId: undefined,
    });
    expect(closed.has("event16")).toBe(false);
    expect(closed.has("event")).toBe(false);
  });
});
