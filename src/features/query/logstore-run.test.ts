import { describe, expect, it } from "vitest";
import { logsToResult, logstoreErrorInfo } from "./logstore-run";

describe("a logstore page as a result", () => {
  it("keeps Log Service's key order, adds other keys, and leaves missing fields empty", () => {
    const result = logsToResult({
      requestId: "r",
      project: "p",
      logstore: "actiontrail_t",
      complete: true,
      count: 2,
      processedRows: 10,
      processedBytes: 100,
      elapsedMs: 7,
      hasSql: false,
      keys: ["event.eventName"],
      deferredSql: undefined,
      rows: [
        { "event.eventName": "StopInstance", __time__: "1" },
        { "event.eventName": "StartInstance", "event.errorCode": "X" },
      ],
    });
    expect(result.columns.map((c) => c.name)).toEqual([
      "event.eventName",
      "__time__",
      "event.errorCode",
    ]);
    expect(result.rows).toEqual([
      ["StopInstance", "1", null],
      ["StartInstance", null, "X"],
    ]);
    expect(result.ms).toBe(7);
  });
});

describe("a Log Service error in place", () => {
  it("points at the line and column the service names", () => {
    const text = "event.eventRW: Write\n| SELECT nope";
    expect(
      logstoreErrorInfo("line 2:10: Column 'nope' cannot be resolved", text),
    ).toEqual({
      message: "Column 'nope' cannot be resolved",
      position: { line: 2, column: 10, offset: 30 },
    });
  });

  it("keeps a message without a position as it is", () => {
    expect(logstoreErrorInfo("Unauthorized", "*")).toEqual({
      message: "Unauthorized",
    });
    expect(logstoreErrorInfo("line 9:1: far", "*")).toEqual({
      message: "line 9:1: far",
    });
  });
});
