import { downloadBlob } from "@/lib/download";
import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useId, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { SearchCondition } from "@/lib/event-search-url";
import { filterLoaded } from "./conditions";
import { exportBlob, exportFileName, type ExportFormat } from "./export";
import { failedSpans, readAllEvents, spanError } from "@/api/event-reader";
import { toLookupAttributes } from "./conditions";
import type { TimeWindow } from "@/api/time-window";

export const EXPORT_CAP = 100_000;
/** File formats by their own names, in every language. */
const FORMAT_NAMES = { csv: "CSV", json: "JSON" } as const;

interface ExportMenuProps {
  /** The events the table shows (loaded, browser filters applied). */
  shown: AuditEvent[];
  region: string;
  regions: string[];
  window: TimeWindow | undefined;
  server: SearchCondition[];
  browser: SearchCondition[];
  exclude: SearchCondition[];
  refine: string;
}

/** Export the loaded events, or stream the whole search through its pages (with progress and Cancel). */
export function ExportMenu({
  shown,
  region,
  regions,
  window,
  server,
  browser,
  exclude,
  refine,
}: ExportMenuProps) {
  const { t } = useLingui();
  const { number, zone } = useFormat();
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [progress, setProgress] = useState<{
    events: number;
    requests: number;
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const exportLoaded = () =>
    downloadBlob(
      exportBlob(shown, format, zone),
      exportFileName(region, window, format, zone),
    );

  const exportAll = async () => {
    if (!window) return;
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setProgress({ events: 0, requests: 0 });
    try {
      const result = await readAllEvents(
        { regions, window, attributes: toLookupAttributes(server) },
        {
          cap: EXPORT_CAP,
          signal: abort.signal,
          onProgress: (r) =>
            setProgress({ events: r.count, requests: r.requests }),
        },
      );
      if (abort.signal.aborted) return;
      // An export is evidence: a search with a part missing is not exported.
      const failed = failedSpans(result)[0];
      if (failed) throw spanError(failed);
      const unique = result.chunks.flat();
      unique.sort((a, b) => b.timeMs - a.timeMs);
      const rows = filterLoaded(unique, browser, exclude, refine);
      downloadBlob(
        exportBlob(rows, format, zone),
        exportFileName(region, window, format, zone),
      );
    } catch (cause) {
      if (!abort.signal.aborted) setError(cause);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  const shownTotal = shown.length;
  const shownCount = number(shownTotal);
  const exported = number(progress?.events ?? 0);
  const calls = number(progress?.requests ?? 0);
  return (
    <div className="export-menu" role="group" aria-label={t`Export`}>
      <label htmlFor={`${id}-format`}>
        <Trans>Export format</Trans>
      </label>
      <select
        id={`${id}-format`}
        value={format}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        <option value="csv">{FORMAT_NAMES.csv}</option>
        <option value="json">{FORMAT_NAMES.json}</option>
        <option value="jsonl">{t`JSON Lines`}</option>
      </select>
      <button
        type="button"
        onClick={exportLoaded}
        disabled={shown.length === 0}
      >
        {plural(shownTotal, {
          one: `Export ${shownCount} shown event`,
          other: `Export ${shownCount} shown events`,
        })}
      </button>
      <button
        type="button"
        onClick={() => void exportAll()}
        disabled={!window || progress !== null}
      >
        <Trans>Export whole search</Trans>
      </button>
      {progress && (
        <span role="status">
          {t`Exporting: ${exported} events, ${calls} requests`}{" "}
          <button type="button" onClick={() => controller.current?.abort()}>
            <Trans>Cancel export</Trans>
          </button>
        </span>
      )}
      {error !== null && (
        <ErrorPanel
          error={error}
          title={t`The export stopped`}
          compact
          onRetry={() => void exportAll()}
        />
      )}
    </div>
  );
}
