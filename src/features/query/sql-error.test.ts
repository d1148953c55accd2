import { describe, expect, it } from "vitest";
import { parseSqlError } from "./sql-error";

describe("parseSqlError", () => {
  it("finds the line and column DuckDB points at", () => {
    const sql = "SELECT eventName\nFORM events";
    const message =
      'Parser Error: syntax error at or near "events"\n\nLINE 2: FORM events\n             ^';
    expect(parseSqlError(message, sql)).toEqual({
      message: 'Parser Error: syntax error at or near "events"',
      position: { line: 2, column: 6, offset: 22 },
    });
  });

  it("finds the column in a shortened excerpt of a long line", () => {
    const sql = `SELECT ${"a, ".repeat(40)}nope FROM events`;
    const excerpt = "LINE 1: ...a, a, a, nope FROM events";
    const caret = `${" ".repeat(excerpt.indexOf("nope"))}^`;
    const message = `Binder Error: Referenced column "nope" not found\n\n${excerpt}\n${caret}`;
    const info = parseSqlError(message, sql);
    expect(info.position?.line).toBe(1);
    expect(sql.slice(info.position!.offset)).toMatch(/^nope/);
  });

  it("reads the JSON form DuckDB-WASM sends", () => {
    const raw = JSON.stringify({
      exception_type: "Parser",
      exception_message:
        'syntax error at or near "events"\n\nLINE 2: FORM events\n             ^',
    });
    expect(
      parseSqlError(raw, "SELECT eventName\nFORM events").position,
    ).toEqual({ line: 2, column: 6, offset: 22 });
  });

  it("keeps a message without a position whole", () => {
    expect(parseSqlError("Catalog Error: Table x does not exist", "")).toEqual({
      message: "Catalog Error: Table x does not exist",
    });
  });
});
