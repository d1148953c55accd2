import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useRegions } from "@/features/regions/use-regions";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import {
  buildCoverageMatrix,
  COVERAGE_RW,
  uniqueTrails,
  type CoverageCell,
} from "./coverage-matrix";
import { trailsQueryOptions, trailStatusQueryOptions } from "./queries";
import { TrailStatusBadge, TrailTime } from "./trail-bits";
import {
  destinationText,
  EVENT_RW_TEXT,
  regionsCoveredText,
} from "./trail-format";
import "./trails.css";

/** Which regions and event types the account's trails actually record, and where it goes. */
export function CoveragePage() {
  const { t } = useLingui();
  const { region } = useRegion();
  useDocumentTitle(t`Trail coverage`);
  const regions = useRegions();
  const back =
    region === ALL_REGIONS
      ? "/trails"
      : `/trails?region=${encodeURIComponent(region)}`;
  return (
    <section className="page coverage-page" aria-labelledby="coverage-title">
      <p>
        <Link to={back}>{t`← Trails`}</Link>
      </p>
      <h1 id="coverage-title">{t`Trail coverage`}</h1>
      <p className="muted">
        {t`What the account's trails record, per region and event type. Only trails that are logging (Enable) record anything; an all-region trail covers every region; a trail recording all events covers read and write.`}
      </p>
      {regions.isPending ? (
        <LoadingState title={t`Loading regions…`} />
      ) : regions.isError ? (
        <ErrorPanel
          error={regions.error}
          title={t`The regions could not be loaded`}
          onRetry={() => void regions.refetch()}
        />
      ) : (
        <Coverage regionIds={regions.data.map((r) => r.id)} />
      )}
    </section>
  );
}

function Coverage({ regionIds }: { regionIds: string[] }) {
  const { t } = useLingui();
  const lists = useQueries({
    queries: regionIds.map((id) => trailsQueryOptions(id)),
  });
  const pending = lists.some((q) => q.isPending);
  const failed = regionIds.filter((_, index) => lists[index]?.isError);
  if (pending)
    return (
      <LoadingState
        title={t`Reading the trails of ${regionIds.length} regions…`}
      />
    );
  const trails = uniqueTrails(lists.map((q) => q.data ?? []));
  const matrix = buildCoverageMatrix(regionIds, trails);
  const unknown = new Set(failed);
  const gaps = matrix.gaps.filter((g) => !unknown.has(g.region));
  const failedList = failed.join(", ");
  return (
    <>
      {failed.length > 0 && (
        <ErrorPanel
          compact
          error={lists.find((q) => q.isError)?.error}
          title={t`The trails of ${failedList} could not be read: their coverage is unknown`}
          onRetry={() => lists.forEach((q) => q.isError && void q.refetch())}
        />
      )}
      <CoverageSummary gaps={gaps} regionCount={regionIds.length} />
      <div className="coverage-wrap">
        <table className="coverage-matrix">
          <caption>{t`Coverage by region and event type`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Region`}</th>
              {COVERAGE_RW.map((rw) => (
                <th key={rw} scope="col">
                  {EVENT_RW_TEXT[rw]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.region}>
                <th scope="row">{row.region}</th>
                {COVERAGE_RW.map((rw) => (
                  <CoverageCellView
                    key={rw}
                    cell={row.cells[rw]}
                    unknown={unknown.has(row.region)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TrailDeliveryList trails={trails} />
    </>
  );
}

function CoverageSummary({
  gaps,
  regionCount,
}: {
  gaps: CoverageCell[];
  regionCount: number;
}) {
  const { t } = useLingui();
  if (gaps.length === 0) {
    return (
      <p className="coverage-summary ok" role="status">
        {t`Every region and event type is recorded by a logging trail (${regionCount} regions, read and write).`}
      </p>
    );
  }
  const gapCount = gaps.length;
  const combinations = regionCount * 2;
  const byRw = COVERAGE_RW.map((rw) => ({
    rw,
    regions: gaps.filter((g) => g.rw === rw).map((g) => g.region),
  })).filter((g) => g.regions.length > 0);
  return (
    <div className="coverage-summary gap" role="status">
      <p>
        <strong>
          {t`${gapCount} of ${combinations} region and event-type combinations are not recorded by any logging trail.`}
        </strong>
      </p>
      <ul>
        {byRw.map(({ rw, regions }) => {
          const events = EVENT_RW_TEXT[rw];
          const list = regions.join(", ");
          return (
            <li key={rw}>
              {regions.length === regionCount
                ? t`${events} not recorded in any region (${regionCount})`
                : plural(regions.length, {
                    one: `${events} not recorded in # region: ${list}`,
                    other: `${events} not recorded in # regions: ${list}`,
                  })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function CoverageCellView({
  cell,
  unknown,
}: {
  cell: CoverageCell;
  unknown: boolean;
}) {
  const { t } = useLingui();
  if (!cell.covered) {
    return (
      <td className={unknown ? "coverage-cell unknown" : "coverage-cell gap"}>
        <span className="coverage-mark" aria-hidden="true">
          {unknown ? "?" : "✕"}
        </span>{" "}
        <strong>{unknown ? t`Unknown` : t`Not recorded`}</strong>
        {cell.idle.length > 0 && (
          <span className="coverage-idle">
            {" "}
            {`(${cell.idle
              .map((idle) =>
                idle.status === "Fresh"
                  ? t`${idle.name} is not started`
                  : t`${idle.name} is stopped`,
              )
              .join("; ")})`}
          </span>
        )}
      </td>
    );
  }
  const destinations = cell.destinations.map(destinationText).join(", ");
  const recording = cell.recording.map((trail) => trail.name).join(", ");
  return (
    <td className="coverage-cell covered">
      <span className="coverage-mark" aria-hidden="true">
        ✓
      </span>{" "}
      <strong>{t`Recorded`}</strong>{" "}
      {cell.destinations.length > 0
        ? t`to ${destinations}`
        : t`to no destination`}
      <span className="coverage-trails"> {t`by ${recording}`}</span>
    </td>
  );
}

/** Each trail's logging status and latest deliveries (GetTrailStatus). */
function TrailDeliveryList({ trails }: { trails: Trail[] }) {
  const { t } = useLingui();
  const statuses = useQueries({
    queries: trails.map((trail) =>
      trailStatusQueryOptions(
        trail.homeRegion || trail.region,
        trail.name,
        trail.isOrganizationTrail,
      ),
    ),
  });
  const zone = useFormat().zoneNow;
  if (trails.length === 0) {
    return (
      <EmptyState title={t`The account has no trails`}>
        <p>
          {t`Nothing is delivered anywhere: events are kept for 90 days in ActionTrail only.`}
        </p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="coverage-trails-title">
      <h2 id="coverage-trails-title">{t`Trails and their latest deliveries`}</h2>
      <table className="trails-table data-table">
        <thead>
          <tr>
            <th scope="col">{t`Trail`}</th>
            <th scope="col">{t`Records`}</th>
            <th scope="col">{t`Status`}</th>
            <th scope="col">{t`Logging`}</th>
            <th scope="col">{t`Latest OSS delivery (${zone})`}</th>
            <th scope="col">{t`Latest Log Service delivery (${zone})`}</th>
          </tr>
        </thead>
        <tbody>
          {trails.map((trail, index) => {
            const status = statuses[index];
            return (
              <tr key={`${trail.homeRegion}/${trail.name}`}>
                <th scope="row">
                  <Link
                    to={`/trails/${encodeURIComponent(trail.name)}?region=${encodeURIComponent(trail.homeRegion)}`}
                  >
                    <SafeText value={trail.name} maxLength={60} />
                  </Link>
                </th>
                <td>
                  {`${EVENT_RW_TEXT[trail.eventRW]}${t`, `}${regionsCoveredText(trail)}`}
                </td>
                <td>
                  <TrailStatusBadge status={trail.status} />
                </td>
                <td>
                  {status?.isPending
                    ? "…"
                    : status?.isError
                      ? t`Unknown`
                      : status?.data?.isLogging
                        ? t`On`
                        : t`Off`}
                </td>
                <td>
                  {trail.ossBucketName ? (
                    <TrailTime value={status?.data?.latestDeliveryTime ?? ""} />
                  ) : (
                    t`Not delivered`
                  )}
                </td>
                <td>
                  {trail.slsProjectArn ? (
                    <TrailTime
                      value={status?.data?.latestDeliveryLogServiceTime ?? ""}
                    />
                  ) : (
                    t`Not delivered`
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
