import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { Link } from "react-router";
import type { TimeWindow } from "@/api/time-window";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { useFormat } from "@/components/i18n/use-format";
import {
  queryRangeFor,
  searchToSls,
  searchToSql,
} from "@/lib/search-translate";
import type { EventSearch } from "./filters";
import { RunInLogService } from "./run-in-log-service";

interface SearchAsQueryProps {
  search: EventSearch;
  region: string;
  /** The window the search read; the SQL covers exactly it. */
  window: TimeWindow | undefined;
  onOpen: () => void;
}

/** The current search said as SQL (opened on the Query page) and as a Log Service query. */
export function SearchAsQuery({
  search,
  region,
  window,
  onOpen,
}: SearchAsQueryProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  // The Query page reads back from now; fixed when the panel opens.
  const [now] = useState(() => Date.now());
  const sls = searchToSls(search);
  const from = window ? timeWithZone(window.startMs) : undefined;
  const to = window ? timeWithZone(window.endMs) : undefined;
  const sql = window ? searchToSql(search, window) : undefined;
  const sqlHref = window
    ? `/query?${new URLSearchParams({
        region,
        range: queryRangeFor(window, now),
        q: sql ?? "",
      }).toString()}`
    : undefined;
  return (
    <section className="search-as-query" aria-label={t`This search as a query`}>
      <h3>{t`This search as a query`}</h3>
      {sqlHref ? (
        <p>
          <Link to={sqlHref} onClick={onOpen}>
            {t`Open as SQL`}
          </Link>{" "}
          <span className="muted">
            {t`SQL over the events table of the Query page, for the window read.`}
          </span>
        </p>
      ) : (
        <p className="muted">{t`Open as SQL is offered once the search has run.`}</p>
      )}
      <details>
        <summary>{t`Log Service query`}</summary>
        <p className="muted">
          {t`For the trail's Logstore in Log Service (SLS).`}{" "}
          {from && to
            ? t`Set its time range to ${from} – ${to}.`
            : t`Set its time range to the search's.`}
        </p>
        <pre className="sls-query">
          <SafeText value={sls} />
        </pre>
        <CopyButton value={sls} label={t`Copy the Log Service query`} />
        <RunInLogService
          search={search}
          region={region}
          window={window}
          filteredInBrowser={false}
        />
      </details>
    </section>
  );
}
