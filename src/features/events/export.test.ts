import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { eventsToCsv, exportFileName } from "./export";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

describe("event exports keep UTC for machines and the chosen zone for readers", () => {
  it("adds eventTimeUtc (ISO 8601 with Z), eventTimeInZone and timeZone beside the service's eventTime", () => {
    const event = makeEvent({ time: at(20, 6, 12), name: "StopInstance" });
    const [header, row] = eventsToCsv([event], "beijing")
      .slice(1)
      .split("\r\n");
    expect(header?.split(",").slice(0, 5)).toEqual([
      "eventTime",
      "eventTimeUtc",
      "eventTimeInZone",
      "timeZone",
      "eventName",
    ]);
    const cells = row?.split(",") ?? [];
    expect(cells[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(cells[1] ?? "")).toBe(
      Math.floor(event.timeMs / 1000) * 1000,
    );
    expect(cells[1]).toBe("2026-11-21T06:12:00Z");
    expect(cells[2]).toBe("2026-11-21T14:12:00+08:00");
    expect(Date.parse(cells[2] ?? "")).toBe(Date.parse(cells[1] ?? ""));
    expect(cells[3]).toBe("Asia/Shanghai");
  });

  it("names the file by region, the range in UTC and the zone of its local column", () => {
    const window = { startMs: NOW - 7 * 86_400_000, endMs: NOW };
    expect(exportFileName("cn-hangzhou", window, "csv", "beijing")).toBe(
      "trailscope-events-cn-hangzhou-20261116T0300Z-20261123T0300Z-UTC+0800.csv",
    );
    expect(exportFileName("cn-hangzhou", window, "json", "utc")).toBe(
      "trailscope-events-cn-hangzhou-20261116T0300Z-20261123T0300Z-UTC.json",
    );
    expect(
      exportFileName("../etc/passwd", window, "jsonl", "iana:America/New_York"),
    ).toBe(
      "trailscope-events-etcpasswd-20261116T0300Z-20261123T0300Z-UTC-0500.jsonl",
    );
  });
});
