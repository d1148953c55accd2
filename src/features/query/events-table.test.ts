import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import {
  EVENT_COLUMN_NAMES,
  toEventColumns,
  toEventsArrowTable,
} from "./events-table";

const samples = JSON.parse(
  readFileSync("mocks/samples/documented-events.json", "utf8"),
) as Record<string, unknown>[];
const events: AuditEvent[] = samples.map((s) => auditEventSchema.parse(s));

/** Where each documented field of an ActionTrail event lands in `events`. */
const COLUMN_OF: Record<string, string> = {
  eventId: "eventId",
  eventVersion: "eventVersion",
  eventSource: "eventSource",
  eventType: "eventType",
  eventName: "eventName",
  eventRW: "eventRW",
  eventCategory: "eventCategory",
  serviceName: "serviceName",
  apiVersion: "apiVersion",
  requestId: "requestId",
  eventTime: "eventTime",
  isGlobal: "isGlobal",
  acsRegion: "acsRegion",
  sourceIpAddress: "sourceIpAddress",
  userAgent: "userAgent",
  errorCode: "errorCode",
  errorMessage: "errorMessage",
  resourceType: "resourceType",
  resourceName: "resourceName",
  recipientAccountId: "recipientAccountId",
  vpcId: "vpcId",
  requestParameters: "requestParameters",
  responseElements: "responseElements",
  additionalEventData: "additionalEventData",
  referencedResources: "referencedResources",
  eventAttributes: "eventAttributes",
  "userIdentity.type": "userType",
  "userIdentity.accountId": "accountId",
  "userIdentity.principalId": "principalId",
  "userIdentity.userName": "userName",
  "userIdentity.accessKeyId": "accessKeyId",
  "userIdentity.sessionContext.attributes.mfaAuthenticated": "mfaAuthenticated",
  "userIdentity.sessionContext.attributes.creationDate": "sessionCreationDate",
};
const JSON_FIELDS = new Set([
  "requestParameters",
  "responseElements",
  "additionalEventData",
  "referencedResources",
  "eventAttributes",
]);

/** Every documented field of a sample, as [path, value] (JSON parts whole). */
function fields(
  event: Record<string, unknown>,
  prefix = "",
): [string, unknown][] {
  return Object.entries(event).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix + key;
    if (!JSON_FIELDS.has(path) && value && typeof value === "object")
      return fields(value as Record<string, unknown>, `${path}.`);
    return [[path, value]];
  });
}

/** The column value a documented field should give. */
function expected(path: string, value: unknown): unknown {
  if (JSON_FIELDS.has(path)) return JSON.stringify(value);
  if (path === "eventTime") return Date.parse(value as string);
  if (path === "isGlobal") return value === true || value === "true";
  if (path.endsWith("mfaAuthenticated"))
    return value === true || value === "true";
  return value === "" ? null : String(value);
}

describe("the events table", () => {
  const columns = toEventColumns(events);

  it("has a column for every field the documented samples carry, with its value", () => {
    samples.forEach((sample, row) => {
      for (const [path, value] of fields(sample)) {
        const column = COLUMN_OF[path];
        expect(column, `a column for ${path}`).toBeDefined();
        expect(EVENT_COLUMN_NAMES).toContain(column);
        expect(columns[column!]![row], `${path} of sample ${row}`).toEqual(
          expected(path, value),
        );
      }
    });
  });

  it("leaves a field the event omits empty (NULL), not an empty string", () => {
    // The DescribeInstances sample has no userAgent, no accessKeyId and no requestParameters.
    const row = samples.findIndex((s) => s.eventName === "DescribeInstances");
    expect(columns.userAgent![row]).toBeNull();
    expect(columns.accessKeyId![row]).toBeNull();
    expect(columns.requestParameters![row]).toBeNull();
  });

  it("builds one Arrow vector per column, typed, with a row per event", () => {
    const table = toEventsArrowTable(events);
    expect(table.numRows).toBe(events.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(EVENT_COLUMN_NAMES);
    expect(String(table.getChild("eventTime")!.type)).toMatch(/Timestamp/);
    expect(String(table.getChild("isGlobal")!.type)).toBe("Bool");
    expect(table.getChild("eventTime")!.get(0)).toBe(
      Date.parse(samples[0]!.eventTime as string),
    );
    expect(table.getChild("userName")!.get(1)).toBe("alice");
  });

  it("keeps hostile keys as data (no prototype pollution)", () => {
    const hostile = auditEventSchema.parse({
      ...samples[1],
      requestParameters: JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    });
    const [text] = toEventColumns([hostile]).requestParameters!;
    expect(text).toBe('{"__proto__":{"polluted":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
