import { describe, expect, it } from "vitest";
import {
  mergeImported,
  parseSavedSearchFile,
  savedSearchesFile,
  type SavedSearch,
} from "./saved-searches-store";

const saved = (
  name: string,
  extra: Partial<SavedSearch> = {},
): SavedSearch => ({
  name,
  note: "",
  region: "cn-hangzhou",
  range: { kind: "relative", preset: "7d" },
  filters: [{ key: "EventName", value: "StopInstance" }],
  exclude: [],
  refine: "",
  savedAt: "2026-11-28T03:00:00.000Z",
  ...extra,
});

describe("saved searches file", () => {
  it("round-trips through export and import", () => {
    const items = [
      saved("a"),
      saved("b\"'\\\n<script>", {
        range: {
          kind: "frozen",
          from: "2026-11-21T03:00:00Z",
          to: "2026-11-28T03:00:00Z",
        },
        columns: ["time", "user"],
      }),
    ];
    expect(parseSavedSearchFile(savedSearchesFile(items))).toEqual({
      ok: true,
      searches: items,
      dropped: 0,
    });
  });

  it("names why a file is refused", () => {
    expect(parseSavedSearchFile("{nope")).toEqual({
      ok: false,
      reason: "not-json",
    });
    expect(parseSavedSearchFile('{"format":"other"}')).toEqual({
      ok: false,
      reason: "not-saved-searches",
    });
    expect(parseSavedSearchFile('[{"name":""}]')).toEqual({
      ok: false,
      reason: "not-saved-searches",
    });
  });

  it("keeps the entries that parse and counts the rest", () => {
    const text = JSON.stringify([
      saved("ok"),
      { ...saved("bad"), region: "javascript:alert(1)" },
    ]);
    const parsed = parseSavedSearchFile(text);
    expect(parsed).toMatchObject({ ok: true, dropped: 1 });
    expect(parsed.ok && parsed.searches.map((s) => s.name)).toEqual(["ok"]);
  });
});

describe("mergeImported", () => {
  it("skips identical ones, renames a different one with a taken name, loses nothing saved", () => {
    const existing = [saved("a"), saved("b")];
    const { searches, outcome } = mergeImported(existing, [
      saved("a", { savedAt: "2026-11-29T00:00:00.000Z" }),
      saved("b", { refine: "other" }),
      saved("c"),
    ]);
    expect(searches.map((s) => s.name)).toEqual(["a", "b", "b (2)", "c"]);
    expect(searches[1]).toEqual(existing[1]);
    expect(outcome).toEqual({
      added: 2,
      identical: 1,
      renamed: [{ from: "b", to: "b (2)" }],
    });
  });
});
