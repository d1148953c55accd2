import { useLingui } from "@lingui/react/macro";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/api/errors";
import { LOGSTORE_PAGE, queryLogstore } from "@/api/log-service";
import { slsSqlToDuckDb } from "@/lib/sls-query";
import type { Engine, QueryResult } from "./engine";
import { ExamplePicker } from "./example-picker";
import { LOGSTORE_EXAMPLES } from "./examples";
import { logsToResult, logstoreErrorInfo } from "./logstore-run";
import { LogstoreStatus, type LogstoreDone } from "./logstore-status";
import type { LogstoreTrail } from "@/api/log-service";
import { QueryErrorView, QueryResultView } from "./query-result-view";
import { SqlEditor } from "./sql-editor";
import { parseSqlError, type SqlErrorInfo } from "./sql-error";

interface LogstoreRunnerProps {
  trail: LogstoreTrail;
  text: string;
  onTextChange: (text: string) => void;
  /** The embedded engine, for the simulated account's SQL part. */
  engine: Engine | undefined;
  region: string;
  window: { from: number; to: number };
  history: { remember: (text: string) => void };
}

export type LogstoreRun =
  | { status: "idle" }
  | { status: "running"; page: number }
  | ({ status: "done"; result: QueryResult } & LogstoreDone)
  | { status: "error"; error: SqlErrorInfo }
  | { status: "cancelled" };

/** The Query page in a trail's logstore: Log Service syntax, run through the gateway, page by page. */
export function LogstoreRunner(props: LogstoreRunnerProps) {
  const { trail, text, onTextChange, engine, window } = props;
  const { t } = useLingui();
  const [run, setRun] = useState<LogstoreRun>({ status: "idle" });
  const current = useRef<AbortController | undefined>(undefined);
  // The simulated account's SQL part waits for the engine if it is still starting.
  const engineRef = useRef(engine);
  const waiters = useRef<((ready: Engine) => void)[]>([]);
  useEffect(() => {
    engineRef.current = engine;
    if (engine) for (const wake of waiters.current.splice(0)) wake(engine);
  }, [engine]);
  const engineReady = (): Promise<Engine> =>
    engineRef.current
      ? Promise.resolve(engineRef.current)
      : new Promise((wake) => waiters.current.push(wake));

  const start = (page: number, query = text) => {
    if (run.status === "running") return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    if (page === 0) props.history.remember(query);
    setRun({ status: "running", page });
    const stillMine = () => current.current === controller;
    void (async () => {
      try {
        const answer = await queryLogstore(
          trail,
          {
            query,
            fromMs: window.from,
            toMs: window.to,
            offset: page * LOGSTORE_PAGE,
            line: LOGSTORE_PAGE,
            reverse: true,
          },
          controller.signal,
        );
        if (!stillMine()) return;
        const service = {
          processedRows: answer.processedRows,
          processedBytes: answer.processedBytes,
          elapsedMs: answer.elapsedMs,
          complete: answer.complete,
          matched: answer.count,
        };
        if (answer.deferredSql === undefined) {
          setRun({
            status: "done",
            result: logsToResult(answer),
            query,
            page,
            more: !answer.hasSql && answer.rows.length === LOGSTORE_PAGE,
            service,
            browserMs: undefined,
          });
          return;
        }
        const ready = await engineReady();
        if (!stillMine()) return;
        await ready.loadLogs(answer.rows);
        const sql = slsSqlToDuckDb(answer.deferredSql);
        let result: QueryResult;
        try {
          result = await ready.run(sql);
        } catch (error) {
          const message =
            error instanceof Error ? error.message : String(error);
          // The position is in the translated SQL, not the text typed.
          throw new Error(parseSqlError(message, sql).message);
        }
        if (stillMine())
          setRun({
            status: "done",
            result,
            query,
            page: 0,
            more: false,
            service,
            browserMs: result.ms,
          });
      } catch (error) {
        if (!stillMine() || controller.signal.aborted) return;
        const message =
          error instanceof ApiError
            ? error.message || error.code
            : error instanceof Error
              ? error.message
              : String(error);
        setRun({ status: "error", error: logstoreErrorInfo(message, query) });
      }
    })();
  };
  const handleCancel = () => {
    current.current?.abort();
    current.current = undefined;
    setRun({ status: "cancelled" });
  };

  const error = run.status === "error" ? run.error : undefined;
  return (
    <section className="query-runner" aria-label={t`Log Service query`}>
      <div className="query-tools">
        <ExamplePicker examples={LOGSTORE_EXAMPLES} onPick={onTextChange} />
      </div>
      <SqlEditor
        value={text}
        label={t`Log Service query`}
        onChange={onTextChange}
        onRun={() => start(0)}
        focusOffset={error?.position?.offset}
      />
      <div className="query-actions">
        <button
          type="button"
          className="primary"
          onClick={() => start(0)}
          disabled={run.status === "running"}
        >
          {t`Run in Log Service`}
        </button>
        {run.status === "running" && (
          <button type="button" onClick={handleCancel}>
            {t`Cancel`}
          </button>
        )}
        <span className="hint">{t`<search> | <SQL>: the search part is required, * reads every log.`}</span>
      </div>
      <LogstoreStatus trail={trail} run={run} />
      {error && <QueryErrorView error={error} />}
      {run.status === "done" && (
        <>
          {(run.page > 0 || run.more) && (
            <nav className="query-pages" aria-label={t`Result pages`}>
              <button
                type="button"
                disabled={run.page === 0}
                onClick={() => start(run.page - 1, run.query)}
              >
                {t`Previous page`}
              </button>
              <span>{t`Page ${run.page + 1}`}</span>
              <button
                type="button"
                disabled={!run.more}
                onClick={() => start(run.page + 1, run.query)}
              >
                {t`Next page`}
              </button>
            </nav>
          )}
          <QueryResultView
            result={run.result}
            region={props.region}
            window={window}
          />
        </>
      )}
    </section>
  );
}
