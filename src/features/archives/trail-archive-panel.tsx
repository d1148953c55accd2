import { plural, t as translate } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  listTrailArchive,
  MAX_ARCHIVE_LIST_DAYS,
  trailArchiveObject,
  type ArchiveListing,
} from "@/api/trail-archive";
import { useFormat } from "@/components/i18n/use-format";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { LoadingState } from "@/components/ui/states";
import { useRegion } from "@/features/regions/use-region";
import type { PickedFile } from "./import-messages";
import { ossTrailsQueryOptions, type OssTrail as Trail } from "./queries";

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a range of days, or undefined. */
function rangeProblem(from: string, to: string): string | undefined {
  if (!DAY_PATTERN.test(from) || !DAY_PATTERN.test(to))
    return translate`Enter both days as yyyy-mm-dd.`;
  if (to < from) return translate`The last day is before the first.`;
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  const max = MAX_ARCHIVE_LIST_DAYS;
  if (days > max) return translate`List at most ${max} days at a time.`;
  return undefined;
}

/**
 * Reading a trail's archive where it lives: choose one of this region's
 * trails that deliver to OSS and a range of days, see the files the bucket
 * holds for them, and import exactly those, with the same progress as files
 * from disk. Nothing is downloaded by hand.
 */
export function TrailArchivePanel({
  running,
  onImport,
}: {
  running: boolean;
  onImport: (files: PickedFile[], label: string) => void;
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const { region } = useRegion();
  const ids = { trail: useId(), from: useId(), to: useId(), title: useId() };
  const trails = useQuery(ossTrailsQueryOptions(region));
  const [chosen, setChosen] = useState("");
  const [from, setFrom] = useState(() => dayOf(Date.now() - 7 * DAY_MS));
  const [to, setTo] = useState(() => dayOf(Date.now()));
  const [tried, setTried] = useState(false);
  const trail = trails.data?.find((x) => x.name === chosen) ?? trails.data?.[0];
  const problem = rangeProblem(from, to);
  const listing = useMutation({
    mutationFn: (args: { trail: Trail; from: string; to: string }) =>
      listTrailArchive(args.trail, { fromDay: args.from, toDay: args.to }),
  });

  const list = () => {
    setTried(true);
    if (problem || !trail) return;
    listing.mutate({ trail, from, to });
  };
  const importListed = (data: ArchiveListing, listed: Trail) => {
    const files = data.files.map((file): PickedFile => ({
      path: `${data.bucket}/${file.key}`,
      object: trailArchiveObject(listed, file.key),
      size: file.size,
    }));
    const first = listing.variables?.from ?? from;
    const last = listing.variables?.to ?? to;
    const name = listed.name;
    onImport(files, t`${name}, ${first} to ${last}`);
  };

  return (
    <section aria-labelledby={ids.title} className="card import-panel">
      <h2 id={ids.title}>{t`Read a trail's archive from its bucket`}</h2>
      <p>
        <Trans>
          Choose a trail of this region that delivers to OSS and the days to
          read. The files are listed from the bucket (read-only) and imported
          here.
        </Trans>
      </p>
      {trails.isPending ? (
        <LoadingState title={t`Reading this region's trails…`} />
      ) : trails.isError ? (
        <ErrorPanel
          error={trails.error}
          title={t`The trails could not be read`}
          onRetry={() => void trails.refetch()}
          compact
        />
      ) : trails.data.length === 0 ? (
        <p>
          {t`No trail of this region delivers to OSS. Choose another region in the header.`}
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            list();
          }}
        >
          <div className="form-row">
            <label htmlFor={ids.trail}>{t`Trail`}</label>
            <select
              id={ids.trail}
              value={trail?.name ?? ""}
              onChange={(e) => setChosen(e.target.value)}
            >
              {trails.data.map((x) => {
                const where = `${x.name} → oss://${x.bucket}/${x.prefix}`;
                return (
                  <option key={x.name} value={x.name}>
                    {where}
                  </option>
                );
              })}
            </select>
          </div>
          <div className="form-row">
            <label htmlFor={ids.from}>{t`First day (UTC)`}</label>
            <input
              id={ids.from}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={tried && Boolean(problem)}
              aria-describedby={`${ids.from}-problem`}
            />
            <label htmlFor={ids.to}>{t`Last day (UTC)`}</label>
            <input
              id={ids.to}
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={tried && Boolean(problem)}
              aria-describedby={`${ids.from}-problem`}
            />
            <button type="submit" disabled={listing.isPending || running}>
              {t`List files`}
            </button>
          </div>
          <p id={`${ids.from}-problem`} className="field-error" role="alert">
            {tried && problem ? problem : ""}
          </p>
        </form>
      )}
      {listing.isPending && <LoadingState title={t`Listing the bucket…`} />}
      {listing.isError && (
        <ErrorPanel
          error={listing.error}
          title={t`The bucket could not be listed`}
          onRetry={list}
          compact
        />
      )}
      {listing.data && listing.variables && (
        <div className="listing">
          <p role="status">
            <FilesFound
              files={listing.data.files.length}
              megabytes={number(
                listing.data.files.reduce((n, f) => n + f.size, 0) / 1048576,
                { maximumFractionDigits: 1 },
              )}
            />{" "}
            <code>
              <SafeText
                value={`oss://${listing.data.bucket}/${listing.data.prefix}`}
                maxLength={200}
              />
            </code>
          </p>
          {listing.data.files.length > 0 && (
            <button
              type="button"
              disabled={running}
              onClick={() =>
                importListed(listing.data, listing.variables.trail)
              }
            >
              {t`Import these files`}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function FilesFound({
  files,
  megabytes,
}: {
  files: number;
  megabytes: string;
}) {
  return (
    <>
      {plural(files, {
        one: `# file (${megabytes} MB) in`,
        other: `# files (${megabytes} MB) in`,
      })}
    </>
  );
}
