import { useLingui } from "@lingui/react/macro";
import { useRef, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { RESULT_CAP, type Engine, type QueryResult } from "./engine";
import { ExamplePicker } from "./example-picker";
import { EXAMPLE_QUERIES } from "./examples";
import { QueryErrorView, QueryResultView } from "./query-result-view";
import { SavedQueries } from "./saved-queries";
import { SqlEditor } from "./sql-editor";
import { parseSqlError, type SqlErrorInfo } from "./sql-error";

interface QueryRunnerProps {
  sql: string;
  onSqlChange: (sql: string) => void;
  engine: Engine | undefined;
  region: string;
  window: { from: number; to: number };
  history: { items: string[]; remember: (sql: string) => void };
}

type Run =
  | { status: "idle" }
  | { status: "running"; sql: string }
  | { status: "done"; result: QueryResult }
  | { status: "error"; error: SqlErrorInfo }
  | { status: "cancelled" };

/** Editor, examples, history, run and cancel, and the result or the error in place. */
export function QueryRunner(props: QueryRunnerProps) {
  const { sql, onSqlChange, engine, history } = props;
  const { t } = useLingui();
  const { number } = useFormat();
  const [run, setRun] = useState<Run>({ status: "idle" });
  const runId = useRef(0);

  const handleRun = () => {
    if (!engine || run.status === "running") return;
    const id = ++runId.current;
    const text = sql;
    history.remember(text);
    setRun({ status: "running", sql: text });
    engine.run(text).then(
      (result) => {
        if (runId.current === id) setRun({ status: "done", result });
      },
      (error: unknown) => {
        if (runId.current !== id) return;
        const message = error instanceof Error ? error.message : String(error);
        setRun({ status: "error", error: parseSqlError(message, text) });
      },
    );
  };
  const handleCancel = () => {
    if (!engine) return;
    runId.current++;
    setRun({ status: "cancelled" });
    void engine.cancel();
  };

  const error = run.status === "error" ? run.error : undefined;
  return (
    <section className="query-runner" aria-label={t`SQL query`}>
      <div className="query-tools">
        <ExamplePicker examples={EXAMPLE_QUERIES} onPick={onSqlChange} />
        <label>
          {t`History`}{" "}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) onSqlChange(e.target.value);
            }}
          >
            <option value="">
              {t`${number(history.items.length)} queries run here`}
            </option>
            {history.items.map((item) => (
              <option key={item} value={item}>
                {item.replace(/\s+/g, " ").slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SqlEditor
        value={sql}
        label={t`SQL query`}
        onChange={onSqlChange}
        onRun={handleRun}
        focusOffset={error?.position?.offset}
      />
      <div className="query-actions">
        <button
          type="button"
          className="primary"
          onClick={handleRun}
          disabled={!engine || run.status === "running"}
        >
          {t`Run`}
        </button>
        {run.status === "running" && (
          <button type="button" onClick={handleCancel}>
            {t`Cancel`}
          </button>
        )}
        <span className="hint">{t`Ctrl+Enter or ⌘+Enter runs the query.`}</span>
        <SavedQueries sql={sql} onOpen={onSqlChange} />
      </div>
      <div role="status" aria-live="polite" className="query-status">
        {run.status === "running" && t`Running in this browser…`}
        {run.status === "cancelled" && t`The query was cancelled.`}
        {run.status === "done" &&
          (run.result.capped
            ? t`${number(RESULT_CAP)} rows shown (the result has more) · ${number(Math.round(run.result.ms))} ms in this browser`
            : t`${number(run.result.rows.length)} rows · ${number(Math.round(run.result.ms))} ms in this browser`)}
      </div>
      {error && <QueryErrorView error={error} />}
      {run.status === "done" && (
        <QueryResultView
          result={run.result}
          region={props.region}
          window={props.window}
        />
      )}
    </section>
  );
}
