import { Trans, useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState } from "@/components/ui/states";
import { useFormat } from "@/components/i18n/use-format";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useCasesStore, type Case } from "@/stores/cases-store";
import { CaseBar } from "./case-bar";
import { buildCaseExport, downloadFile, type CaseExport } from "./case-export";
import { PinnedEvents } from "./pinned-events";
import "./investigate.css";

/** Case files kept in this browser: notes, pinned events, and the export with its manifest. */
export function CasesPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Case files`);
  const cases = useCasesStore((s) => s.cases);
  const activeCaseId = useCasesStore((s) => s.activeCaseId);
  const active = cases.find((c) => c.id === activeCaseId) ?? cases[0];
  return (
    <section className="investigate-page" aria-labelledby="cases-title">
      <h1 id="cases-title">
        <Trans>Case files</Trans>
      </h1>
      <p className="muted">
        <Trans>
          Cases are kept in this browser only. Export one to share it.
        </Trans>
      </p>
      <CaseBar />
      {!active ? (
        <EmptyState title={t`No case yet.`}>
          <p>
            <Trans>
              Create one above, or pin events while you{" "}
              <Link to="/investigate">investigate</Link>.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        <CaseDetail key={active.id} theCase={active} />
      )}
    </section>
  );
}

function CaseDetail({ theCase }: { theCase: Case }) {
  const { t } = useLingui();
  const { number } = useFormat();
  const pinnedCount = number(theCase.events.length);
  const setNotes = useCasesStore((s) => s.setNotes);
  const renameCase = useCasesStore((s) => s.renameCase);
  const deleteCase = useCasesStore((s) => s.deleteCase);
  const [name, setName] = useState(theCase.name);
  const [exported, setExported] = useState<CaseExport | undefined>();
  const [exportError, setExportError] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const handleExport = async () => {
    try {
      setExportError("");
      setExported(await buildCaseExport(theCase));
    } catch (error) {
      setExportError(
        error instanceof Error ? error.message : t`The export failed.`,
      );
    }
  };
  return (
    <section className="card case-detail" aria-labelledby="case-title">
      <h2 id="case-title">
        <SafeText value={theCase.name} maxLength={120} />
      </h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          renameCase(theCase.id, name);
        }}
      >
        <label htmlFor="case-name">
          <Trans>Case name</Trans>
        </label>
        <input
          id="case-name"
          type="text"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">
          <Trans>Rename</Trans>
        </button>
      </form>
      <label htmlFor="case-notes">
        <Trans>Notes</Trans>
      </label>
      <textarea
        id="case-notes"
        rows={4}
        value={theCase.notes}
        onChange={(e) => setNotes(theCase.id, e.target.value)}
      />
      <h3>
        <Trans>Pinned events ({pinnedCount})</Trans>
      </h3>
      {theCase.events.length === 0 ? (
        <EmptyState title={t`No events pinned yet.`} />
      ) : (
        <PinnedEvents theCase={theCase} />
      )}
      <div className="case-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void handleExport()}
          disabled={theCase.events.length === 0}
        >
          <Trans>Export case</Trans>
        </button>
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => deleteCase(theCase.id)}
            >
              <Trans>Yes, delete this case</Trans>
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              <Trans>Keep it</Trans>
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => setConfirmDelete(true)}
          >
            <Trans>Delete case</Trans>
          </button>
        )}
      </div>
      {exportError && <p role="alert">{exportError}</p>}
      {exported && (
        <div
          className="export-files"
          role="region"
          aria-label={t`Export files`}
        >
          <p>
            <Trans>
              The export is ready: three files. The manifest lists the SHA-256
              of the JSON and CSV files and the searches that found the events.
            </Trans>
          </p>
          <ul>
            {[exported.json, exported.csv, exported.manifest].map((f) => (
              <li key={f.name}>
                <button type="button" onClick={() => downloadFile(f)}>
                  {f.name.endsWith(".manifest.json")
                    ? t`Download manifest`
                    : f.name.endsWith(".csv")
                      ? t`Download CSV`
                      : t`Download JSON`}
                </button>{" "}
                <code>{f.name}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
