import { useId, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { SearchCondition } from "@/lib/event-search-url";
import { filterLoaded } from "./conditions";
import {
  downloadBlob,
  exportBlob,
  exportFileName,
  type ExportFormat,
} from "./export";
import { failedSpans, readAllEvents, spanError } from "@/api/event-reader";
import { toLookupAttributes } from "./conditions";
import type { TimeWindow } from "@/api/time-window";

export const EXPORT_CAP = 100_000;

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
      exportBlob(shown, format),
      exportFileName(region, window, format),
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
        exportBlob(rows, format),
        exportFileName(region, window, format),
      );
    } catch (cause) {
      if (!abort.signal.aborted) setError(cause);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  return (
    <div className="export-menu" role="group" aria-label="Export">
      <label htmlFor={`${id}-format`}>Export format</label>
      <select
        id={`${id}-format`}
        value={format}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        <option value="csv">CSV</option>
        <option value="json">JSON</option>
        <option value="jsonl">JSON Lines</option>
      </select>
      <button
        type="button"
        onClick={exportLoaded}
        disabled={shown.length === 0}
      >
        Export {shown.length.toLocaleString("en-US")} shown events
      </button>
      <button
        type="button"
        onClick={() => void exportAll()}
        disabled={!window || progress !== null}
      >
        Export whole search
      </button>
      {progress && (
        <span role="status">
          Exporting: {progress.events.toLocaleString("en-US")} events,{" "}
          {progress.requests} requests{" "}
          <button type="button" onClick={() => controller.current?.abort()}>
            Cancel export
          </button>
        </span>
      )}
      {error !== null && (
        <ErrorPanel
          error={error}
          title="The export stopped"
          compact
          onRetry={() => void exportAll()}
        />
      )}
    </div>
  );
}
