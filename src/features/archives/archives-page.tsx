import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import type { ArchiveRecord } from "@/lib/archive/archive-store";
import { ArchiveDetail } from "./archive-detail";
import { archiveStore, archivesPersist } from "@/lib/archive/browser-store";
import { ImportPanel } from "./import-panel";
import { TrailArchivePanel } from "./trail-archive-panel";
import { ARCHIVES_KEY, archivesQueryOptions } from "./queries";
import { useArchiveImport } from "./use-archive-import";
import "./archives.css";

/**
 * Archives: a trail's delivered files imported into this browser, listed
 * by account, regions and span, each with its coverage calendar and
 * evidence manifest, and removable.
 */
export function ArchivesPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Archives`);
  const [params, setParams] = useSearchParams();
  const archives = useQuery(archivesQueryOptions());
  const { state, start, cancel } = useArchiveImport();
  const open = params.get("archive");
  const selected =
    archives.data?.find((a) => a.id === open) ??
    (state.status === "done"
      ? archives.data?.find((a) => a.id === state.record.id)
      : undefined);
  const select = (id: string) =>
    setParams((p) => {
      p.set("archive", id);
      return p;
    });
  return (
    <section aria-labelledby="archives-title" className="archives-page">
      <header className="page-header">
        <h1 id="archives-title">{t`Archives`}</h1>
      </header>
      <p>
        <Trans>
          ActionTrail answers for 90 days; trails keep events longer in OSS.
          Import what a trail delivered to search, analyse and prove it
          complete, months back.
        </Trans>
      </p>
      {!archivesPersist() && (
        <p role="note" className="field-error">
          {t`This browser cannot keep archives: they last until the page is closed.`}
        </p>
      )}
      <ImportPanel state={state} onImport={start} onCancel={cancel} />
      <TrailArchivePanel
        running={state.status === "running"}
        onImport={start}
      />
      <section aria-labelledby="archive-list-title" className="page-section">
        <h2 id="archive-list-title">{t`Imported archives`}</h2>
        {archives.isPending ? (
          <LoadingState />
        ) : archives.isError ? (
          <ErrorPanel
            error={archives.error}
            title={t`The archives could not be read`}
            onRetry={() => void archives.refetch()}
          />
        ) : archives.data.length === 0 ? (
          <EmptyState title={t`No archive imported yet`}>
            <p>{t`Import a trail's files above; they stay in this browser.`}</p>
          </EmptyState>
        ) : (
          <ArchiveTable
            archives={archives.data}
            selectedId={selected?.id}
            onOpen={select}
          />
        )}
      </section>
      {selected && <ArchiveDetail archive={selected} />}
    </section>
  );
}

function ArchiveTable({
  archives,
  selectedId,
  onOpen,
}: {
  archives: ArchiveRecord[];
  selectedId: string | undefined;
  onOpen: (id: string) => void;
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<ArchiveRecord>();
  const remove = useMutation({
    mutationFn: (id: string) => archiveStore().removeArchive(id),
    onSettled: () => {
      setRemoving(undefined);
      return queryClient.invalidateQueries({ queryKey: ARCHIVES_KEY });
    },
  });
  const status: Record<ArchiveRecord["status"], string> = {
    importing: t`importing`,
    complete: t`complete`,
    cancelled: t`cancelled (partial)`,
  };
  return (
    <div className="table-scroll">
      <table className="data-table archives-table">
        <thead>
          <tr>
            <th scope="col">{t`Name`}</th>
            <th scope="col">{t`Account`}</th>
            <th scope="col">{t`Regions`}</th>
            <th scope="col">{t`Days`}</th>
            <th scope="col" className="num">
              {t`Files`}
            </th>
            <th scope="col" className="num">
              {t`Events`}
            </th>
            <th scope="col">{t`Status`}</th>
            <th scope="col">
              <span className="visually-hidden">{t`Actions`}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {archives.map((archive) => (
            <tr
              key={archive.id}
              aria-current={archive.id === selectedId ? "true" : undefined}
            >
              <td>
                <SafeText value={archive.label} maxLength={80} />
              </td>
              <td>
                <code>{archive.accountIds.join(", ") || "—"}</code>
              </td>
              <td>{archive.regions.join(", ") || "—"}</td>
              <td>
                {archive.firstDay && archive.lastDay
                  ? `${archive.firstDay} – ${archive.lastDay}`
                  : "—"}
              </td>
              <td className="num">
                {number(archive.files)}
                {archive.refused > 0 && <Refused count={archive.refused} />}
              </td>
              <td className="num">{number(archive.events)}</td>
              <td>{status[archive.status]}</td>
              <td className="actions">
                <button type="button" onClick={() => onOpen(archive.id)}>
                  {t`Open`}
                </button>{" "}
                <button type="button" onClick={() => setRemoving(archive)}>
                  {t`Remove`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog
        open={Boolean(removing)}
        title={t`Remove this archive?`}
        onClose={() => setRemoving(undefined)}
        footer={
          <>
            <button type="button" onClick={() => setRemoving(undefined)}>
              {t`Keep it`}
            </button>
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => removing && remove.mutate(removing.id)}
            >
              {t`Remove archive`}
            </button>
          </>
        }
      >
        <p>
          {t`Its events leave this browser. The files you imported from are not touched.`}
        </p>
      </Dialog>
    </div>
  );
}

function Refused({ count }: { count: number }) {
  return <> ({plural(count, { one: "# refused", other: "# refused" })})</>;
}
