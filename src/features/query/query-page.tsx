import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useRegion } from "@/features/regions/use-region";
import { EXAMPLE_QUERIES } from "./examples";
import { useQueryHistory } from "./history";
import {
  QUERY_EVENTS_CAP,
  QUERY_RANGES,
  queryEventsQueryOptions,
  type QueryRange,
} from "./queries";
import { QueryRunner } from "./query-runner";
import { SchemaPanel } from "./schema-panel";
import { useQueryEngine } from "./use-query-engine";
import "./query.css";

const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;
const isRange = (v: string | null): v is QueryRange =>
  v !== null && v in QUERY_RANGES;

/** /query: SQL over the events of one region and range, run in this browser by DuckDB-WASM. */
export function QueryPage() {
  const { t } = useLingui();
  const { number } = useFormat();
  useDocumentTitle(t`Query`);
  const { region } = useRegion();
  const [params, setParams] = useSearchParams();
  const rangeParam = params.get("range");
  const range: QueryRange = isRange(rangeParam) ? rangeParam : "7d";
  const [to] = useState(minuteNow);
  const loaded = useQuery(queryEventsQueryOptions(region, range, to));
  const engine = useQueryEngine(loaded.data?.events);
  const history = useQueryHistory();
  const sqlFromUrl = params.get("q");
  const [sql, setSql] = useState(
    sqlFromUrl ?? EXAMPLE_QUERIES[0]?.sql ?? "SELECT * FROM events LIMIT 100",
  );

  const setRange = (next: string) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev);
      copy.set("range", next);
      return copy;
    });

  return (
    <div className="query-page">
      <h1>{t`Query`}</h1>
      <p className="query-where">
        {t`SQL over the table events, run in this browser (DuckDB-WASM): nothing leaves the page.`}
      </p>
      <div className="query-scope">
        <label>
          {t`Events of the last`}{" "}
          <select value={range} onChange={(e) => setRange(e.target.value)}>
            <option value="24h">{t`24 hours`}</option>
            <option value="7d">{t`7 days`}</option>
            <option value="30d">{t`30 days`}</option>
          </select>
        </label>
        <span role="status" aria-live="polite">
          {loaded.isPending
            ? t`Reading events of ${region}…`
            : loaded.data
              ? engine.status === "ready"
                ? t`${number(engine.rows)} events of ${region} loaded in ${number(Math.round(engine.ms))} ms.`
                : t`Starting the engine with ${number(loaded.data.events.length)} events…`
              : ""}
          {loaded.data?.capped
            ? ` ${t`Only the newest ${number(QUERY_EVENTS_CAP)} events were read.`}`
            : ""}
          {loaded.data && !loaded.data.complete && !loaded.data.capped
            ? ` ${t`Some parts of the range could not be read: the table is incomplete.`}`
            : ""}
        </span>
      </div>
      {loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          onRetry={() => void loaded.refetch()}
        />
      ) : engine.status === "failed" ? (
        <p role="alert">{t`The query engine could not start: ${engine.message}`}</p>
      ) : null}
      <div className="query-layout">
        <div className="query-main">
          <QueryRunner
            sql={sql}
            onSqlChange={setSql}
            engine={engine.status === "ready" ? engine.engine : undefined}
            region={region}
            window={{ from: to - QUERY_RANGES[range], to }}
            history={history}
          />
          {engine.status === "starting" && !loaded.isError && (
            <LoadingState title={t`Loading the query engine…`} />
          )}
        </div>
        <SchemaPanel events={loaded.data?.events} />
      </div>
    </div>
  );
}
