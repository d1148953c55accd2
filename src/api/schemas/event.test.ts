import { describe, expect, it } from "vitest";
import { createStringTable } from "@/lib/intern";
import { auditEventSchema, compactEvent } from "./event";

const wire = (id: string) =>
  JSON.stringify({
    eventId: id,
    eventTime: "2026-11-20T08:00:00Z",
    eventName: "DeleteBucket\u202Egpj.exe",
    eventSource: "oss.aliyuncs.com",
    serviceName: "Oss",
    acsRegion: "cn-hangzhou",
    requestId: "req-1",
    userIdentity: { type: "ram-user", userName: '=HYPERLINK("http://x","y")' },
    requestParameters: { Tags: ["a", "b"] },
    eventAttributes: { SensitiveAction: "true" },
  }).replace(
    '"requestParameters":{',
    '"requestParameters":{"__proto__":{"polluted":"yes"},',
  );

describe("compactEvent", () => {
  it("shares strings between events without changing a field or the raw event", () => {
    const table = createStringTable();
    for (const id of ["e-1", "e-2"]) {
      const text = wire(id);
      const event = auditEventSchema.parse(JSON.parse(text));
      const before = { ...event, raw: undefined };
      const compacted = compactEvent(event, table);
      expect(compacted).toBe(event);
      expect({ ...compacted, raw: undefined }).toEqual(before);
      expect(JSON.stringify(compacted.raw)).toBe(text);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The shared values were added once; each event's own ID once.
    expect(table.size).toBeLessThan(20);
  });
});
