import { describe, expect, it } from "vitest";
import {
  eventToLog,
  matchesSlsSearch,
  parseSlsSearch,
  slsSqlToDuckDb,
  splitSlsQuery,
  SlsSyntaxError,
} from "./sls-query";
import { searchToSls } from "./search-translate";

const stop = eventToLog({
  eventId: "e-1",
  eventTime: "2026-11-20T03:04:05Z",
  eventName: "StopInstance",
  eventRW: "Write",
  serviceName: "Ecs",
  sourceIpAddress: "203.0.113.7",
  userIdentity: { type: "ram-user", userName: "alice", accessKeyId: "LTAI1" },
  requestParameters: { InstanceId: "i-bp1abc" },
});
const failedRead = eventToLog({
  eventId: "e-2",
  eventTime: "2026-11-20T04:00:00Z",
  eventName: "DescribeInstances",
  eventRW: "Read",
  serviceName: "Ecs",
  errorCode: "Forbidden.RAM",
  userIdentity: { type: "assumed-role", userName: "ops:session" },
});

const matches = (search: string, row: Record<string, string>) =>
  matchesSlsSearch(parseSlsSearch(search), row);

describe("the logstore's rows", () => {
  it("put every event field under event., nested fields dot-joined, with __time__ in seconds", () => {
    expect(stop["event.eventName"]).toBe("StopInstance");
    expect(stop["event.userIdentity.userName"]).toBe("alice");
    expect(stop["event.requestParameters.InstanceId"]).toBe("i-bp1abc");
    expect(stop.__time__).toBe(String(Date.UTC(2026, 10, 20, 3, 4, 5) / 1000));
    expect(stop.__topic__).toBe("actiontrail_audit_event");
  });
});

describe("splitting <search> | <SQL>", () => {
  it("cuts at the first bar outside quotes", () => {
    expect(splitSlsQuery('event.eventName: "a|b" | SELECT 1')).toEqual({
      search: 'event.eventName: "a|b" ',
      sql: " SELECT 1",
      sqlOffset: 24,
    });
    expect(splitSlsQuery("*").sql).toBeUndefined();
  });
});

describe("the search part", () => {
  it("matches * and an empty search to every log", () => {
    expect(matches("*", stop)).toBe(true);
    expect(matches("  ", failedRead)).toBe(true);
  });

  it("matches field: value by whole tokens, ignoring case", () => {
    expect(matches("event.eventName: StopInstance", stop)).toBe(true);
    expect(matches("event.eventName:stopinstance", stop)).toBe(true);
    expect(matches("event.eventName: Stop", stop)).toBe(false);
    expect(matches('event.userIdentity.userName: "ops"', failedRead)).toBe(
      true,
    );
  });

  it("matches a trailing * as a prefix and field: * as present", () => {
    expect(matches("event.eventName: Stop*", stop)).toBe(true);
    expect(matches("event.errorCode: *", failedRead)).toBe(true);
    expect(matches("event.errorCode: *", stop)).toBe(false);
  });

  it("matches a keyword in any field", () => {
    expect(matches("203.0.113.7", stop)).toBe(true);
    expect(matches("i-bp1abc", failedRead)).toBe(false);
  });

  it("combines with and, or, not and parentheses (not before and before or)", () => {
    expect(matches("Ecs and not event.errorCode: *", stop)).toBe(true);
    expect(matches("Ecs and not event.errorCode: *", failedRead)).toBe(false);
    expect(
      matches("event.eventRW: Read or event.eventName: StopInstance", stop),
    ).toBe(true);
    expect(
      matches("NOT (event.eventRW: Read OR event.eventRW: Write)", stop),
    ).toBe(false);
    expect(matches("Ecs alice", stop)).toBe(true);
    expect(matches("Ecs alice", failedRead)).toBe(false);
  });

  it("runs the event search's own translation", () => {
    const query = searchToSls({
      filters: [{ key: "User", value: "alice" }],
      exclude: [{ key: "ErrorCode", value: "Forbidden.RAM" }],
      refine: "",
      rw: "Write",
    });
    const { search } = splitSlsQuery(query);
    expect(matches(search, stop)).toBe(true);
    expect(matches(search, failedRead)).toBe(false);
  });

  it("reports a syntax error at its offset in the whole query", () => {
    const error = (() => {
      try {
        parseSlsSearch("(event.eventRW: Read", 10);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SlsSyntaxError);
    expect((error as SlsSyntaxError).offset).toBe(10);
    expect(() => parseSlsSearch('"open')).toThrow(/not closed/);
    expect(() => parseSlsSearch("a or")).toThrow(SlsSyntaxError);
  });
});

describe("the SQL part on DuckDB", () => {
  it("reads from the logstore table when FROM is left out, before the first clause", () => {
    expect(
      slsSqlToDuckDb(
        ` SELECT "event.serviceName", count(*) AS n GROUP BY "event.serviceName" ORDER BY n DESC`,
      ),
    ).toBe(
      ` SELECT "event.serviceName", count(*) AS n FROM logstore GROUP BY "event.serviceName" ORDER BY n DESC`,
    );
    expect(slsSqlToDuckDb("SELECT count(*)")).toBe(
      "SELECT count(*) FROM logstore",
    );
  });

  it("names the logstore for FROM log and leaves strings alone", () => {
    expect(
      slsSqlToDuckDb("SELECT 'from log where' AS x FROM log WHERE 1 = 1"),
    ).toBe("SELECT 'from log where' AS x FROM logstore WHERE 1 = 1");
  });

  it("renames the Presto functions the examples use, and keeps __time__ in seconds", () => {
    expect(
      slsSqlToDuckDb(
        `SELECT approx_distinct("event.sourceIpAddress") AS ips, from_unixtime(min(__time__)) AS first, date_trunc('hour', __time__) AS h GROUP BY h`,
      ),
    ).toBe(
      `SELECT approx_count_distinct("event.sourceIpAddress") AS ips, to_timestamp(min(__time__)) AS first, CAST(epoch(date_trunc('hour', to_timestamp(__time__))) AS BIGINT) AS h FROM logstore GROUP BY h`,
    );
  });
});
