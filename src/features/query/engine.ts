import {
  AsyncDuckDB,
  VoidLogger,
  type AsyncDuckDBConnection,
} from "@duckdb/duckdb-wasm";
import duckdbWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import duckdbWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import { Table, type Vector } from "apache-arrow";
import { textVector } from "./events-table";
import { LOGSTORE_INDEX_FIELDS } from "@/lib/sls-query";

/**
 * DuckDB-WASM in a Web Worker, served from Trailscope's own origin (the
 * exception-handling build; every browser Trailscope supports has it). This
 * module is imported only by the Query page's lazy chunk, so no other screen
 * downloads the engine. Extensions are never fetched (no CDN): the JSON
 * columns are text, read with DuckDB's string and regexp functions.
 */

/** Rows a result keeps; the rest of a larger result is not read. */
export const RESULT_CAP = 10_000;

export interface QueryResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  /** More rows than RESULT_CAP: only the first RESULT_CAP were kept. */
  capped: boolean;
  ms: number;
}

export interface Engine {
  run(sql: string): Promise<QueryResult>;
  /**
   * (Re)creates the table `logstore` from logs as Log Service answers them
   * (string maps): every key a text column, `__time__` epoch seconds.
   */
  loadLogs(logs: readonly Readonly<Record<string, string>>[]): Promise<void>;
  /** Stops the running query: the worker is ended and started again with the same events. */
  cancel(): Promise<void>;
  dispose(): void;
}

async function start(table: Table): Promise<{
  db: AsyncDuckDB;
  worker: Worker;
  conn: AsyncDuckDBConnection;
}> {
  const worker = new Worker(duckdbWorker);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(duckdbWasm);
  const conn = await db.connect();
  await conn.query(
    "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false",
  );
  await conn.insertArrowTable(table, { name: "events", create: true });
  return { db, worker, conn };
}

function toPlain(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint")
    return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (/^Timestamp/.test(type) && typeof value === "number")
    return new Date(value).toISOString();
  if (/^Date/.test(type) && typeof value === "number")
    return new Date(value).toISOString().slice(0, 10);
  if (typeof value === "object")
    return JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    );
  return value;
}

/** Starts the engine with the events as the `events` table. */
export async function createEngine(table: Table): Promise<Engine> {
  let current = await start(table);
  // After a cancel the engine starts again; a query asked meanwhile waits for it.
  let ready: Promise<unknown> = Promise.resolve();
  return {
    async run(sql) {
      await ready;
      const started = performance.now();
      const { conn } = current;
      const reader = await conn.send(sql);
      const rows: unknown[][] = [];
      let columns: QueryResult["columns"] = [];
      let capped = false;
      for await (const batch of reader) {
        columns = batch.schema.fields.map((f) => ({
          name: f.name,
          type: String(f.type),
        }));
        for (let r = 0; r < batch.numRows; r++) {
          if (rows.length >= RESULT_CAP) {
            capped = true;
            break;
          }
          rows.push(
            columns.map((c, i) => toPlain(batch.getChildAt(i)?.get(r), c.type)),
          );
        }
        if (capped) break;
      }
      if (capped) await conn.cancelSent().catch(() => false);
      if (columns.length === 0)
        columns = reader.schema.fields.map((f) => ({
          name: f.name,
          type: String(f.type),
        }));
      return { columns, rows, capped, ms: performance.now() - started };
    },
    async loadLogs(logs) {
      await ready;
      const { conn } = current;
      // Every indexed field is a column, even one no log read here holds.
      const keys = [
        ...new Set([
          ...LOGSTORE_INDEX_FIELDS,
          ...logs.flatMap((l) => Object.keys(l)),
        ]),
      ];
      const columns: Record<string, Vector> = {};
      for (const key of keys)
        columns[key] = textVector(logs.map((l) => l[key] ?? null));
      await conn.query(
        "DROP TABLE IF EXISTS logstore_text; DROP TABLE IF EXISTS logstore",
      );
      await conn.insertArrowTable(new Table(columns), {
        name: "logstore_text",
        create: true,
      });
      await conn.query(
        'CREATE TABLE logstore AS SELECT * REPLACE (TRY_CAST("__time__" AS BIGINT) AS "__time__") FROM logstore_text; DROP TABLE logstore_text',
      );
    },
    async cancel() {
      current.worker.terminate();
      const restarted = start(table).then((next) => {
        current = next;
      });
      ready = restarted;
      await restarted;
    },
    dispose() {
      current.worker.terminate();
    },
  };
}
