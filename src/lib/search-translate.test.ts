import { describe, expect, it } from "vitest";
import {
  conditionToSls,
  conditionToSql,
  escapeLike,
  queryRangeFor,
  refineToSql,
  searchToSls,
  searchToSql,
  slsString,
  sqlString,
} from "./search-translate";

const window = {
  startMs: Date.parse("2026-11-21T03:00:00Z"),
  endMs: Date.parse("2026-11-28T03:00:00Z"),
};
const empty = { filters: [], exclude: [], refine: "" };

describe("sqlString", () => {
  it("doubles single quotes and leaves backslashes as they are (standard SQL strings)", () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(sqlString("a\\b")).toBe("'a\\b'");
    expect(sqlString("'; DROP TABLE events; --")).toBe(
      "'''; DROP TABLE events; --'",
    );
    expect(sqlString("")).toBe("''");
  });

  it("writes newlines, NUL and direction controls as chr(n), so the query reads as it runs", () => {
    expect(sqlString("a\nb")).toBe("('a' || chr(10) || 'b')");
    expect(sqlString("\u0000")).toBe("chr(0)");
    expect(sqlString("abc\u202Edcba.exe")).toBe(
      "('abc' || chr(8238) || 'dcba.exe')",
    );
    expect(sqlString("ad\u200Bmin")).toBe("('ad' || chr(8203) || 'min')");
  });
});

describe("escapeLike", () => {
  it("escapes %, _ and the escape character itself", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
});

describe("conditionToSql", () => {
  it("compares the documented column exactly", () => {
    expect(conditionToSql({ key: "EventName", value: "StopInstance" })).toBe(
      "eventName = 'StopInstance'",
    );
    expect(conditionToSql({ key: "User", value: "it's" })).toBe(
      "userName = 'it''s'",
    );
    expect(conditionToSql({ key: "EventAccessKeyId", value: "LTAI5t" })).toBe(
      "accessKeyId = 'LTAI5t'",
    );
  });

  it("maps Result, SensitiveAction, RoleName and resource lists as the console matches them", () => {
    expect(conditionToSql({ key: "Result", value: "Failure" })).toBe(
      "errorCode IS NOT NULL",
    );
    expect(conditionToSql({ key: "Result", value: "Success" })).toBe(
      "errorCode IS NULL",
    );
    expect(conditionToSql({ key: "SensitiveAction", value: "false" })).toBe(
      "FALSE",
    );
    expect(conditionToSql({ key: "RoleName", value: "ops" })).toContain(
      "split_part(userName, ':', 1) = 'ops'",
    );
    expect(conditionToSql({ key: "ResourceName", value: "i-1" })).toContain(
      "list_contains(string_split_regex(trim(resourceName), '\\s*[;,]\\s*'), 'i-1')",
    );
  });

  it("matches nothing for a key the service does not know", () => {
    expect(conditionToSql({ key: "Nope", value: "x" })).toBe("FALSE");
  });
});

describe("refineToSql", () => {
  it("looks for the text literally: % and _ are not wildcards, quotes and backslashes are safe", () => {
    expect(refineToSql("  ")).toBeUndefined();
    const sql = refineToSql("50%_o'k\\") ?? "";
    expect(sql).toContain("ILIKE '%50\\%\\_o''k\\\\%' ESCAPE '\\'");
    expect(sql).toContain("requestParameters");
  });

  it("keeps a newline in the needle out of the query's lines", () => {
    expect(refineToSql("a\nb")).toContain(
      "ILIKE ('%a' || chr(10) || 'b%') ESCAPE",
    );
  });
});

describe("searchToSql", () => {
  it("puts the window, conditions, read/write, exclusions and refine in WHERE, newest first", () => {
    const sql = searchToSql(
      {
        rw: "Write",
        filters: [{ key: "ServiceName", value: "Ecs" }],
        exclude: [{ key: "ErrorCode", value: "Throttling" }],
        refine: "stopinstance",
      },
      window,
    );
    const lines = sql.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "SELECT *",
      "FROM events",
      "WHERE eventTime BETWEEN TIMESTAMP '2026-11-21 03:00:00.000' AND TIMESTAMP '2026-11-28 03:00:00.000'",
      "  AND serviceName = 'Ecs'",
      "  AND eventRW = 'Write'",
      "  AND NOT coalesce(errorCode = 'Throttling', FALSE)",
    ]);
    expect(lines[6]).toMatch(
      /^ {2}AND concat_ws\(.*\) ILIKE '%stopinstance%' ESCAPE '\\'$/,
    );
    expect(lines[7]).toBe("ORDER BY eventTime DESC");
  });

  it("an empty search is the window alone", () => {
    expect(searchToSql(empty, window).split("\n")[2]).toMatch(
      /^WHERE eventTime BETWEEN [^\n]+$/,
    );
  });

  it("a hostile value never ends its literal early", () => {
    const sql = searchToSql(
      {
        ...empty,
        filters: [{ key: "User", value: "x' OR 1=1 --\n" }],
      },
      window,
    );
    expect(sql).toContain("userName = ('x'' OR 1=1 --' || chr(10))");
  });
});

describe("Log Service", () => {
  it("quotes every value so wildcards and operators in it are plain text", () => {
    expect(slsString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(conditionToSls({ key: "EventName", value: "Stop*" })).toBe(
      'event.eventName: "Stop*"',
    );
    expect(conditionToSls({ key: "User", value: "a and not b:*" })).toBe(
      'event.userIdentity.userName: "a and not b:*"',
    );
  });

  it("says a failure as 'has an error code' and excludes with not (…)", () => {
    expect(
      searchToSls({
        filters: [
          { key: "EventType", value: "ConsoleSignin" },
          { key: "Result", value: "Failure" },
        ],
        exclude: [{ key: "Result", value: "Success" }],
        refine: "",
      }),
    ).toMatch(
      /^event\.eventType: "ConsoleSignin" and event\.errorCode: \* and not \(not event\.errorCode: \*\) \| SELECT .* ORDER BY __time__ DESC LIMIT 1000$/,
    );
  });

  it("an empty search searches everything; refine is a quoted phrase", () => {
    expect(searchToSls(empty)).toMatch(/^\* \| SELECT /);
    expect(searchToSls({ ...empty, refine: ' "x" ' })).toMatch(
      /^"\\"x\\"" \| SELECT /,
    );
  });
});

describe("queryRangeFor", () => {
  it("picks the Query page's smallest range that reaches back to the window's start", () => {
    const now = window.endMs;
    expect(queryRangeFor({ startMs: now - 3_600_000, endMs: now }, now)).toBe(
      "24h",
    );
    expect(queryRangeFor(window, now)).toBe("7d");
    expect(
      queryRangeFor({ startMs: now - 20 * 86_400_000, endMs: now }, now),
    ).toBe("30d");
  });
});
