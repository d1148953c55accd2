import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { DETECTOR_CATALOG } from "./catalog";
import { normalWeek } from "./normal-week";
import type { AuditEvent } from "@/api/schemas/event";

const runAll = (events: readonly AuditEvent[]) =>
  DETECTOR_CATALOG.flatMap((d) => d.detect(events)).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );

describe("the stateful detectors", () => {
  it("find nothing in a normal week", () => {
    expect(runAll(normalWeek())).toEqual([]);
  });

  it("find the same detections for the same events in any order", () => {
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
    const a = runAll(events);
    const b = runAll([...events].reverse());
    expect(a.map((d) => d.severity).sort()).toEqual(["high", "medium"]);
    expect(b).toEqual(a);
  });
});
