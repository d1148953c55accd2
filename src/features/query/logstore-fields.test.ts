import { describe, expect, it } from "vitest";
import { LOGSTORE_INDEX_FIELDS } from "@/lib/sls-query";
import { searchToSls } from "@/lib/search-translate";
import { LOGSTORE_EXAMPLES } from "./examples";

/** The `event.*` names a Log Service query text refers to. */
const fieldsIn = (text: string): string[] =>
  [...text.matchAll(/"?(event(?:\.[A-Za-z]+)+)"?/g)].map((m) => m[1] ?? "");

describe("the simulated logstore's columns", () => {
  it("hold every field the Log Service examples name, so a query over logs that lack one answers NULL instead of failing", () => {
    const named = LOGSTORE_EXAMPLES.flatMap((example) =>
      fieldsIn(example.sql).map((field) => `${example.id}: ${field}`),
    );
    expect(named.length).toBeGreaterThan(3);
    const missing = named.filter(
      (entry) => !LOGSTORE_INDEX_FIELDS.includes(entry.split(": ")[1] ?? ""),
    );
    expect(missing).toEqual([]);
  });

  it("hold every field an event search opened in Log Service names", () => {
    const text = searchToSls({
      rw: "Write",
      filters: [
        { key: "ServiceName", value: "Ecs" },
        { key: "EventName", value: "StopInstance" },
        { key: "User", value: "ops" },
        { key: "EventAccessKeyId", value: "LTAI" },
      ],
      exclude: [],
      refine: "",
    });
    const fields = fieldsIn(text);
    expect(fields.length).toBeGreaterThan(3);
    for (const field of fields) expect(LOGSTORE_INDEX_FIELDS).toContain(field);
  });
});
