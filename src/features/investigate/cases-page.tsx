import { useState } from "react";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { safeHref } from "@/lib/safe-href";
import { useCasesStore, type Case } from "@/stores/cases-store";
import { CaseBar } from "./case-bar";
import { buildCaseExport, downloadFile, type CaseExport } from "./case-export";
import "./investigate.css";

/** Case files kept in this browser: notes, pinned events, and the export with its manifest. */
export function CasesPage() {
  useDocumentTitle("Case files");
  const cases = useCasesStore((s) => s.cases);
  const activeCaseId = useCasesStore((s) => s.activeCaseId);
  const active = cases.find((c) => c.id === activeCaseId) ?? cases[0];
  return (
    <section className="investigate-page" aria-labelledby="cases-title">
      <h1 id="cases-title">Case files</h1>
      <p className="muted">
        Cases are kept in this browser only. Export one to share it.
      </p>
      <CaseBar />
      {!active ? (
        <EmptyState title="No case yet.">
          <p>
            Create one above, or pin events while you{" "}
            <Link to="/investigate">investigate</Link>.
          </p>
        </EmptyState>
      ) : (
        <CaseDetail key={active.id} theCase={active} />
      )}
    </section>
  );
}

function CaseDetail({ theCase }: { theCase: Case }) {
  const setNotes = useCasesStore((s) => s.setNotes);
  const renameCase = useCasesStore((s) => s.renameCase);
  const deleteCase = useCasesStore((s) => s.deleteCase);
  const unpin = useCasesStore((s) => s.unpin);
  const setEventNote = useCasesStore((s) => s.setEventNote);
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
        error instanceof Error ? error.message : "The export failed.",
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
        <label htmlFor="case-name">Case name</label>
        <input
          id="case-name"
          type="text"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit">Rename</button>
      </form>
      <label htmlFor="case-notes">Notes</label>
      <textarea
        id="case-notes"
        rows={4}
        value={theCase.notes}
        onChange={(e) => setNotes(theCase.id, e.target.value)}
      />
      <h3>Pinned events ({theCase.events.length})</h3>
      {theCase.events.length === 0 ? (
        <EmptyState title="No events pinned yet." />
      ) : (
        <ul className="pinned-list">
          {theCase.events.map((e) => {
            const back = safeHref(e.search.href);
            return (
              <li key={e.id} className="pinned">
                <p>
                  <strong>
                    <SafeText value={e.name} maxLength={80} />
                  </strong>{" "}
                  by <SafeText value={e.userName} maxLength={80} /> at{" "}
                  <SafeText value={e.time} maxLength={40} /> in{" "}
                  <SafeText value={e.region} maxLength={30} />
                </p>
                <p className="muted">
                  Event <code>{e.id}</code> · found by{" "}
                  {back ? (
                    <Link to={back}>{e.search.label}</Link>
                  ) : (
                    <SafeText value={e.search.label} />
                  )}{" "}
                  ({e.search.from} – {e.search.to})
                </p>
                <label htmlFor={`note-${e.id}`}>Note</label>
                <input
                  id={`note-${e.id}`}
                  type="text"
                  value={e.note}
                  onChange={(ev) =>
                    setEventNote(theCase.id, e.id, ev.target.value)
                  }
                />
                <button
                  type="button"
                  onClick={() => unpin(theCase.id, e.id)}
                  aria-label={`Unpin ${e.name} at ${e.time}`}
                >
                  Unpin
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="case-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void handleExport()}
          disabled={theCase.events.length === 0}
        >
          Export case
        </button>
        {confirmDelete ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => deleteCase(theCase.id)}
            >
              Yes, delete this case
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => setConfirmDelete(true)}
          >
            Delete case
          </button>
        )}
      </div>
      {exportError && <p role="alert">{exportError}</p>}
      {exported && (
        <div className="export-files" role="region" aria-label="Export files">
          <p>
            The export is ready: three files. The manifest lists the SHA-256 of
            the JSON and CSV files and the searches that found the events.
          </p>
          <ul>
            {[exported.json, exported.csv, exported.manifest].map((f) => (
              <li key={f.name}>
                <button type="button" onClick={() => downloadFile(f)}>
                  Download{" "}
                  {f.name.endsWith(".manifest.json")
                    ? "manifest"
                    : f.name.endsWith(".csv")
                      ? "CSV"
                      : "JSON"}
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
