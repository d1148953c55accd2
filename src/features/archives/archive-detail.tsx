import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { LoadingState } from "@/components/ui/states";
import type { ArchiveRecord } from "@/lib/archive/archive-store";
import { archiveCoverage } from "@/lib/archive/coverage";
import { parseDeliveryPath } from "@/lib/archive/delivery-path";
import {
  buildManifest,
  manifestJson,
  manifestSha256sums,
} from "@/lib/archive/manifest";
import { downloadText } from "@/lib/download";
import { CoverageCalendar } from "./coverage-calendar";
import { archiveFilesQueryOptions } from "./queries";
import { RefusedFiles } from "./refused-files";

/** A file name part from an archive's name: letters, digits and dashes only. */
const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "archive";

/** What a delivery file's name says: its stamp and how many events it holds. */
function namedFacts(path: string) {
  const named = parseDeliveryPath(path);
  return { stamp: named?.stamp, declaredEvents: named?.eventCount };
}

/** One archive: its coverage calendar per region, its refused files, and its evidence manifest. */
export function ArchiveDetail({ archive }: { archive: ArchiveRecord }) {
  const { t } = useLingui();
  const files = useQuery(archiveFilesQueryOptions(archive.id));
  const coverage = useMemo(
    () =>
      archiveCoverage(
        (files.data ?? []).flatMap((f) =>
          !f.refused && f.region && f.day && f.events > 0
            ? [
                {
                  region: f.region,
                  day: f.day,
                  events: f.events,
                  ...namedFacts(f.path),
                },
              ]
            : [],
        ),
      ),
    [files.data],
  );
  if (files.isPending) return <LoadingState title={t`Reading the archive…`} />;
  if (files.isError)
    return (
      <ErrorPanel
        error={files.error}
        title={t`The archive's files could not be read`}
        onRetry={() => void files.refetch()}
      />
    );
  const refused = files.data.flatMap((f) =>
    f.refused ? [{ path: f.path, kind: f.refused.kind }] : [],
  );
  const manifest = () =>
    buildManifest(
      files.data.map((f) => ({
        path: f.path,
        bytes: f.bytes,
        sha256: f.sha256,
        events: f.events,
        ...(f.refused ? { refused: f.refused.kind } : {}),
      })),
      new Date(archive.importedAt),
    );
  const base = `trailscope-archive-${slug(archive.label)}`;
  const fileCount = files.data.length;
  return (
    <section aria-labelledby="archive-detail-title" className="card">
      <h2 id="archive-detail-title">
        <SafeText value={archive.label} maxLength={120} />
      </h2>
      <h3>{t`Evidence manifest`}</h3>
      <p>
        <Trans>
          Each file&apos;s name, size, SHA-256 and event count, as imported.
          Check the files you hold against it with <code>sha256sum -c</code>.
        </Trans>
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            downloadText(
              manifestSha256sums(manifest()),
              `${base}.sha256`,
              "text/plain",
            )
          }
        >
          {t`Download SHA-256 list`}
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              manifestJson(manifest()),
              `${base}-manifest.json`,
              "application/json",
            )
          }
        >
          {t`Download manifest (JSON)`}
        </button>
      </div>
      <h3>{t`Coverage`}</h3>
      {coverage.length === 0 ? (
        <p>{t`No file of this archive was loaded.`}</p>
      ) : (
        coverage.map((region) => (
          <CoverageCalendar key={region.region} coverage={region} />
        ))
      )}
      {refused.length > 0 && <RefusedFiles refused={refused} />}
      <p className="muted">
        {plural(fileCount, {
          one: "# file in this archive.",
          other: "# files in this archive.",
        })}
      </p>
    </section>
  );
}
