import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { normalWeek } from "./normal-week";
import { runDetectors } from "./run-detectors";

describe("runDetectors", () => {
  it("finds nothing in a normal week", () => {
    expect(runDetectors(normalWeek())).toEqual([]);
  });

  it("orders high severity first and is the same for the same events in any order", () => {
    const events = [
      ...normalWeek(),
      makeEvent({
        time: at(6, 2),
        name: "CreateAccessKey",
        rw: "Write",
        params: { UserName: "x" },
      }),
      makeEvent({
        time: at(6, 1),
        name: "StopLogging",
        rw: "Write",
        params: { Name: "t" },
      }),
    ];
    const a = runDetectors(events);
    const b = runDetectors([...events].reverse());
    expect(a.map((d) => d.severity)).toEqual(["high", "medium"]);
    expect(b.map((d) => d.id)).toEqual(a.map((d) => d.id));
  });
});
