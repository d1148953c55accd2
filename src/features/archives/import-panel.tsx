import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import type { ImportProgress } from "@/lib/archive/import-archive";
import { fromDataTransfer, fromFileList } from "./collect-files";
import type { PickedFile } from "./import-messages";
import { RefusedFiles } from "./refused-files";
import type { ImportState } from "./use-archive-import";

interface ImportPanelProps {
  state: ImportState;
  onImport: (files: PickedFile[], label: string) => void;
  onCancel: () => void;
}

/** Choosing files, a folder or a .zip (or dropping them), and the import's progress. */
export function ImportPanel({ state, onImport, onCancel }: ImportPanelProps) {
  const { t } = useLingui();
  const filesId = useId();
  const folderId = useId();
  const labelId = useId();
  const [label, setLabel] = useState("");
  const [dragging, setDragging] = useState(false);
  const running = state.status === "running";

  const begin = (files: PickedFile[], fallbackLabel: string) => {
    if (files.length === 0) return;
    onImport(files, label.trim() || fallbackLabel);
  };
  const topFolder = (files: PickedFile[]) =>
    files[0]?.path.split("/")[0] ?? t`Imported files`;

  return (
    <section aria-labelledby={`${labelId}-title`} className="card import-panel">
      <h2 id={`${labelId}-title`}>{t`Import a trail's archive`}</h2>
      <p>
        <Trans>
          Choose the files a trail delivered to OSS (<code>.json.gz</code>), a
          whole folder of them as downloaded from the bucket, or a{" "}
          <code>.zip</code>. They are read in this browser, in the background,
          and kept here until you remove them.
        </Trans>
      </p>
      <div className="form-row">
        <label htmlFor={labelId}>{t`Name (optional)`}</label>
        <input
          id={labelId}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          placeholder={t`e.g. audit bucket, 2026 H1`}
          maxLength={120}
          disabled={running}
        />
      </div>
      <div
        className={`drop-zone${dragging ? " dragging" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (running) return;
          void fromDataTransfer(e.dataTransfer).then((files) =>
            begin(files, topFolder(files)),
          );
        }}
      >
        <p>{t`Drop files, folders or a .zip here, or choose:`}</p>
        <div className="form-row">
          <label htmlFor={filesId}>{t`Files or .zip`}</label>
          <input
            id={filesId}
            type="file"
            multiple
            accept=".gz,.json,.jsonl,.zip,application/gzip,application/json,application/zip"
            disabled={running}
            onChange={(e) => {
              const files = fromFileList(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              begin(files, files[0]?.path ?? t`Imported files`);
            }}
          />
        </div>
        <div className="form-row">
          <label htmlFor={folderId}>{t`A folder`}</label>
          <input
            id={folderId}
            type="file"
            // The folder picker (a non-standard attribute every engine supports).
            {...{ webkitdirectory: "", directory: "" }}
            disabled={running}
            onChange={(e) => {
              const files = fromFileList(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              begin(files, topFolder(files));
            }}
          />
        </div>
      </div>
      <ImportStatus state={state} onCancel={onCancel} />
    </section>
  );
}

function ImportStatus({
  state,
  onCancel,
}: {
  state: ImportState;
  onCancel: () => void;
}) {
  const { t } = useLingui();
  if (state.status === "idle") return null;
  const progress = state.progress;
  return (
    <div className="import-status">
      {state.status === "running" && (
        <>
          <p role="status">
            <Trans>
              Importing <SafeText value={state.label} maxLength={120} />…
            </Trans>
          </p>
          {progress && <ProgressFigures progress={progress} />}
          <button type="button" onClick={onCancel}>
            {t`Cancel`}
          </button>
        </>
      )}
      {state.status === "done" && (
        <p role="status">
          {state.record.status === "cancelled"
            ? t`Import cancelled. The files read before are kept.`
            : t`Import finished.`}{" "}
          <DoneFigures
            events={state.record.events}
            files={state.record.files}
          />
        </p>
      )}
      {state.status === "failed" && (
        <p role="alert" className="field-error">
          {t`The import stopped: the files read before are kept.`}{" "}
          <SafeText value={state.message} maxLength={400} />
        </p>
      )}
      {progress && progress.refused.length > 0 && (
        <RefusedFiles refused={progress.refused} announce />
      )}
    </div>
  );
}

function ProgressFigures({ progress }: { progress: ImportProgress }) {
  const { t } = useLingui();
  const { number, duration } = useFormat();
  const filesDone = number(progress.filesDone);
  const filesTotal = number(progress.filesTotal);
  const events = number(progress.events);
  const rate = number(Math.round(progress.rate));
  const left =
    progress.etaMs === undefined ? "…" : duration(Math.max(0, progress.etaMs));
  return (
    <>
      <progress
        max={progress.filesTotal || 1}
        value={progress.filesDone}
        aria-label={t`Files imported`}
      />
      <p className="import-figures">
        {t`${filesDone} of ${filesTotal} files · ${events} events · ${rate} events/s · about ${left} left`}
      </p>
    </>
  );
}

function DoneFigures({ events, files }: { events: number; files: number }) {
  return (
    <>
      {plural(events, { one: "# event", other: "# events" })}
      {", "}
      {plural(files, { one: "# file", other: "# files" })}
    </>
  );
}
