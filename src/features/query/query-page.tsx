import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useRegion } from "@/features/regions/use-region";
import type { AuditEvent } from "@/api/schemas/event";
import { EXAMPLE_QUERIES, LOGSTORE_EXAMPLES } from "./examples";
import { useQueryHistory } from "./history";
import { LogstoreRunner } from "./logstore-runner";
import {
  logstoreTrailsQueryOptions,
  QUERY_EVENTS_CAP,
  QUERY_RANGES,
  queryEventsQueryOptions,
  type QueryRange,
} from "./queries";
import { QueryRunner } from "./query-runner";
import { QuerySource } from "./query-source";
import { SchemaPanel } from "./schema-panel";
import { useQueryEngine } from "./use-query-engine";
import "./query.css";

const NO_EVENTS: readonly AuditEvent[] = [];
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
  const trails = useQuery(logstoreTrailsQueryOptions(region));
  const trailParam = params.get("trail");
  const trail =
    trails.data?.find((x) => `${x.homeRegion}/${x.name}` === trailParam) ??
    trails.data?.[0];
  const inLogstore = params.get("source") === "logstore" && trail !== undefined;
  // Log Service reads the logstore: the browser loads no events for it.
  const loaded = useQuery({
    ...queryEventsQueryOptions(region, range, to),
    enabled: !inLogstore,
  });
  const engine = useQueryEngine(inLogstore ? NO_EVENTS : loaded.data?.events);
  const history = useQueryHistory();
  const textFromUrl = params.get("q");
  const [sql, setSql] = useState(
    (params.get("source") !== "logstore" ? textFromUrl : null) ??
      EXAMPLE_QUERIES[0]?.sql ??
      "SELECT * FROM events LIMIT 100",
  );
  const [slsText, setSlsText] = useState(
    (params.get("source") === "logstore" ? textFromUrl : null) ??
      LOGSTORE_EXAMPLES[0]?.sql ??
      "*",
  );
  const setParam = (name: string, value: string) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev);
      copy.set(name, value);
      return copy;
    });

  const setRange = (next: string) => setParam("range", next);

  return (
    <div className="query-page">
      <h1>{t`Query`}</h1>
      {trails.data && trails.data.length > 0 && (
        <QuerySource
          trails={trails.data}
          inLogstore={inLogstore}
          trail={trail}
          onSource={(next) => setParam("source", next)}
          onTrail={(id) => setParam("trail", id)}
        />
      )}
      <p className="query-where">
        {inLogstore
          ? t`Log Service syntax (<search> | <SQL>) over the trail's logstore, run by Log Service through the gateway: the browser reads only the result.`
          : t`SQL over the table events, run in this browser (DuckDB-WASM): nothing leaves the page.`}
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
          {inLogstore
            ? ""
            : loaded.isPending
              ? t`Reading events of ${region}…`
              : loaded.data
                ? engine.status === "ready"
                  ? t`${number(engine.rows)} events of ${region} loaded in ${number(Math.round(engine.ms))} ms.`
                  : t`Starting the engine with ${number(loaded.data.events.length)} events…`
                : ""}
          {!inLogstore && loaded.data?.capped
            ? ` ${t`Only the newest ${number(QUERY_EVENTS_CAP)} events were read.`}`
            : ""}
          {!inLogstore &&
          loaded.data &&
          !loaded.data.complete &&
          !loaded.data.capped
            ? ` ${t`Some parts of the range could not be read: the table is incomplete.`}`
            : ""}
        </span>
      </div>
      {!inLogstore && loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          onRetry={() => void loaded.refetch()}
        />
      ) : engine.status === "failed" ? (
        <p role="alert">{t`The query engine could not start: ${engine.message}`}</p>
      ) : null}
      <div className="query-layout">
        <div className="query-main">
          {inLogstore ? (
            <LogstoreRunner
              key={`${trail.homeRegion}/${trail.name}`}
              trail={trail}
              text={slsText}
              onTextChange={setSlsText}
              engine={engine.status === "ready" ? engine.engine : undefined}
              region={region}
              window={{ from: to - QUERY_RANGES[range], to }}
              history={history}
            />
          ) : (
            <QueryRunner
              sql={sql}
              onSqlChange={setSql}
              engine={engine.status === "ready" ? engine.engine : undefined}
              region={region}
              window={{ from: to - QUERY_RANGES[range], to }}
              history={history}
            />
          )}
          {!inLogstore && engine.status === "starting" && !loaded.isError && (
            <LoadingState title={t`Loading the query engine…`} />
          )}
        </div>
        {!inLogstore && <SchemaPanel events={loaded.data?.events} />}
      </div>
    </div>
  );
}
