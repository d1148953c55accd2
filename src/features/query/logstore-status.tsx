import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import type { LogstoreRun } from "./logstore-runner";
import type { LogstoreTrail } from "@/api/log-service";

/** What Log Service said of a run: what it read, how long, whether every log was read. */
export interface LogstoreDone {
  /** The text that ran (pages ask for the same). */
  query: string;
  page: number;
  /** A full page of logs came back: there may be a next one. */
  more: boolean;
  service: {
    processedRows: number;
    processedBytes: number | undefined;
    elapsedMs: number;
    complete: boolean;
    matched: number;
  };
  /** Set when the SQL part ran in this browser (the simulated account). */
  browserMs: number | undefined;
}

/** Where the query runs and, once it has, what it scanned. */
export function LogstoreStatus({
  trail,
  run,
}: {
  trail: LogstoreTrail;
  run: LogstoreRun;
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const { logstore, project, name } = trail;
  const bytes = (n: number) =>
    number(n / 1_048_576, {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: 1,
    });
  let text: string;
  if (run.status === "running")
    text = t`Running in Log Service, logstore ${logstore}…`;
  else if (run.status === "cancelled") text = t`The query was cancelled.`;
  else if (run.status === "done") {
    const rows = number(run.result.rows.length);
    const scanned = number(run.service.processedRows);
    const ms = number(Math.round(run.service.elapsedMs));
    const size =
      run.service.processedBytes !== undefined
        ? bytes(run.service.processedBytes)
        : undefined;
    text =
      run.browserMs !== undefined
        ? t`${rows} rows · the simulated Log Service read ${scanned} logs (${size ?? "?"}) and its search matched ${number(run.service.matched)} in ${ms} ms; the SQL part ran on them in this browser in ${number(Math.round(run.browserMs))} ms.`
        : size !== undefined
          ? t`${rows} rows · Log Service scanned ${scanned} logs (${size}) in ${ms} ms.`
          : t`${rows} rows · Log Service scanned ${scanned} logs in ${ms} ms.`;
    if (!run.service.complete)
      text += ` ${t`Log Service had not read every log yet: run again for the complete result.`}`;
  } else
    text = t`Runs in Log Service, in logstore ${logstore} of project ${project} (trail ${name}), over the range chosen above; Log Service reports the logs it scanned once it has run.`;
  return (
    <div role="status" aria-live="polite" className="query-status">
      {text}
    </div>
  );
}
