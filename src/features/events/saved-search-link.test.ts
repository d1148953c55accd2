import { describe, expect, it } from "vitest";
import { parseEventSearch } from "./filters";
import {
  prefsShowing,
  savedSearchHref,
  toSavedSearch,
  visibleColumns,
} from "./saved-search-link";

const search = parseEventSearch(
  new URLSearchParams(
    "range=24h&rw=Write&f=User:a%26b%3Dc&x=ErrorCode:Throttling&q=50%25&sort=user.asc",
  ),
);
const window = {
  startMs: Date.parse("2026-11-27T03:00:00Z"),
  endMs: Date.parse("2026-11-28T03:00:00Z"),
};
const base = {
  name: " audit ",
  note: "n",
  search,
  region: "cn-shanghai",
  window,
  columns: ["time", "user"],
  now: window.endMs,
};

describe("saved search links", () => {
  it("a frozen save reopens the window that was read, with its conditions, order and columns", () => {
    const saved = toSavedSearch({ ...base, frozen: true });
    expect(saved.name).toBe("audit");
    expect(saved.range).toEqual({
      kind: "frozen",
      from: "2026-11-27T03:00:00Z",
      to: "2026-11-28T03:00:00Z",
    });
    const href = savedSearchHref(saved);
    const params = new URL(href, "https://x.test").searchParams;
    const reopened = parseEventSearch(params);
    expect(reopened).toMatchObject({
      from: "2026-11-27T03:00:00Z",
      to: "2026-11-28T03:00:00Z",
      rw: "Write",
      filters: [{ key: "User", value: "a&b=c" }],
      exclude: [{ key: "ErrorCode", value: "Throttling" }],
      refine: "50%",
      sort: search.sort,
    });
    expect(params.get("region")).toBe("cn-shanghai");
    expect(params.getAll("col")).toEqual(["time", "user"]);
  });

  it("a relative save stays relative", () => {
    const saved = toSavedSearch({ ...base, frozen: false });
    expect(saved.range).toEqual({ kind: "relative", preset: "24h" });
    expect(savedSearchHref(saved)).toContain("range=24h");
  });

  it("columns shown survive the trip through preferences", () => {
    const prefs = { ...prefsShowing(["user", "time"]), widths: {} };
    expect(visibleColumns(prefs)).toEqual(["user", "time"]);
  });
});
