import { useLingui } from "@lingui/react/macro";
import { SafeText } from "@/components/ui/safe-text";
import type { QueryResult } from "./engine";
import { download, resultFile } from "./export";
import { ResultsTable } from "./results-table";
import type { SqlErrorInfo } from "./sql-error";

/** A query's error, on the line and column it concerns when known. */
export function QueryErrorView({ error }: { error: SqlErrorInfo }) {
  const { t } = useLingui();
  return (
    <div role="alert" className="query-error">
      {error.position && (
        <p className="query-error-where">
          {t`Line ${error.position.line}, column ${error.position.column}:`}
        </p>
      )}
      <pre>
        <SafeText value={error.message} />
      </pre>
    </div>
  );
}

interface QueryResultViewProps {
  result: QueryResult;
  region: string;
  window: { from: number; to: number };
}

/** A query's rows with their exports (CSV, JSON). */
export function QueryResultView({
  result,
  region,
  window,
}: QueryResultViewProps) {
  const { t } = useLingui();
  return (
    <>
      <div className="query-export">
        <button
          type="button"
          onClick={() => download(resultFile(result, "csv"), "query.csv")}
        >
          {t`Export CSV`}
        </button>
        <button
          type="button"
          onClick={() => download(resultFile(result, "json"), "query.json")}
        >
          {t`Export JSON`}
        </button>
      </div>
      {result.rows.length === 0 ? (
        <p>{t`The query returned no rows.`}</p>
      ) : (
        <ResultsTable result={result} region={region} window={window} />
      )}
    </>
  );
}
