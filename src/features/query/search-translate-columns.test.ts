import { describe, expect, it } from "vitest";
import { REFINE_COLUMNS } from "@/lib/search-translate";
import { EVENT_COLUMNS } from "./events-table";

describe("the event search's SQL translation", () => {
  it("names only columns of the events table (refine looks in text and JSON columns)", () => {
    const kinds = new Map(EVENT_COLUMNS.map((c) => [c.name, c.kind]));
    for (const name of REFINE_COLUMNS)
      expect([name, kinds.get(name)]).toEqual([
        name,
        expect.stringMatching(/^(text|json)$/),
      ]);
  });
});
