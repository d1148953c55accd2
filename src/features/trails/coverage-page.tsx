import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { regionsQueryOptions } from "@/features/regions/queries";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import {
  buildCoverageMatrix,
  COVERAGE_RW,
  uniqueTrails,
  type CoverageCell,
} from "./coverage-matrix";
import { trailsQueryOptions, trailStatusQueryOptions } from "./queries";
import { TrailStatusBadge, TrailTime } from "./trail-bits";
import { EVENT_RW_TEXT, regionsCoveredText } from "./trail-format";
import "./trails.css";

/** Which regions and event types the account's trails actually record, and where it goes. */
export function CoveragePage() {
  const { region } = useRegion();
  useDocumentTitle("Trail coverage");
  const regions = useQuery(regionsQueryOptions());
  const back =
    region === ALL_REGIONS
      ? "/trails"
      : `/trails?region=${encodeURIComponent(region)}`;
  return (
    <section className="page coverage-page" aria-labelledby="coverage-title">
      <p>
        <Link to={back}>← Trails</Link>
      </p>
      <h1 id="coverage-title">Trail coverage</h1>
      <p className="muted">
        What the account&apos;s trails record, per region and event type. Only
        trails that are logging (Enable) record anything; an all-region trail
        covers every region; a trail recording all events covers read and write.
      </p>
      {regions.isPending ? (
        <LoadingState title="Loading regions…" />
      ) : regions.isError ? (
        <ErrorPanel
          error={regions.error}
          title="The regions could not be loaded"
          onRetry={() => void regions.refetch()}
        />
      ) : (
        <Coverage regionIds={regions.data.map((r) => r.id)} />
      )}
    </section>
  );
}

function Coverage({ regionIds }: { regionIds: string[] }) {
  const lists = useQueries({
    queries: regionIds.map((id) => trailsQueryOptions(id)),
  });
  const pending = lists.some((q) => q.isPending);
  const failed = regionIds.filter((_, index) => lists[index]?.isError);
  if (pending)
    return (
      <LoadingState
        title={`Reading the trails of ${regionIds.length} regions…`}
      />
    );
  const trails = uniqueTrails(lists.map((q) => q.data ?? []));
  const matrix = buildCoverageMatrix(regionIds, trails);
  const unknown = new Set(failed);
  const gaps = matrix.gaps.filter((g) => !unknown.has(g.region));
  return (
    <>
      {failed.length > 0 && (
        <ErrorPanel
          compact
          error={lists.find((q) => q.isError)?.error}
          title={`The trails of ${failed.join(", ")} could not be read: their coverage is unknown`}
          onRetry={() => lists.forEach((q) => q.isError && void q.refetch())}
        />
      )}
      <CoverageSummary gaps={gaps} regionCount={regionIds.length} />
      <div className="coverage-wrap">
        <table className="coverage-matrix">
          <caption>Coverage by region and event type</caption>
          <thead>
            <tr>
              <th scope="col">Region</th>
              {COVERAGE_RW.map((rw) => (
                <th key={rw} scope="col">
                  {rw} events
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
  if (gaps.length === 0) {
    return (
      <p className="coverage-summary ok" role="status">
        Every region and event type is recorded by a logging trail (
        {regionCount} regions, read and write).
      </p>
    );
  }
  const byRw = COVERAGE_RW.map((rw) => ({
    rw,
    regions: gaps.filter((g) => g.rw === rw).map((g) => g.region),
  })).filter((g) => g.regions.length > 0);
  return (
    <div className="coverage-summary gap" role="status">
      <p>
        <strong>
          {gaps.length} of {regionCount * 2} region and event-type combinations
          are not recorded by any logging trail.
        </strong>
      </p>
      <ul>
        {byRw.map(({ rw, regions }) => (
          <li key={rw}>
            {rw} events not recorded in{" "}
            {regions.length === regionCount
              ? `any region (${regionCount})`
              : `${regions.length} ${regions.length === 1 ? "region" : "regions"}: ${regions.join(", ")}`}
          </li>
        ))}
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
  if (!cell.covered) {
    return (
      <td className={unknown ? "coverage-cell unknown" : "coverage-cell gap"}>
        <span className="coverage-mark" aria-hidden="true">
          {unknown ? "?" : "✕"}
        </span>{" "}
        <strong>{unknown ? "Unknown" : "Not recorded"}</strong>
        {cell.idle.length > 0 && (
          <span className="coverage-idle">
            {" "}
            (
            {cell.idle
              .map(
                (t) =>
                  `${t.name} is ${t.status === "Fresh" ? "not started" : "stopped"}`,
              )
              .join("; ")}
            )
          </span>
        )}
      </td>
    );
  }
  return (
    <td className="coverage-cell covered">
      <span className="coverage-mark" aria-hidden="true">
        ✓
      </span>{" "}
      <strong>Recorded</strong> to{" "}
      {cell.destinations.join(", ") || "no destination"}
      <span className="coverage-trails">
        {" "}
        by {cell.recording.map((t) => t.name).join(", ")}
      </span>
    </td>
  );
}

/** Each trail's logging status and latest deliveries (GetTrailStatus). */
function TrailDeliveryList({ trails }: { trails: Trail[] }) {
  const statuses = useQueries({
    queries: trails.map((t) =>
      trailStatusQueryOptions(
        t.homeRegion || t.region,
        t.name,
        t.isOrganizationTrail,
      ),
    ),
  });
  if (trails.length === 0) {
    return (
      <EmptyState title="The account has no trails">
        <p>
          Nothing is delivered anywhere: events are kept for 90 days in
          ActionTrail only.
        </p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="coverage-trails-title">
      <h2 id="coverage-trails-title">Trails and their latest deliveries</h2>
      <table className="trails-table">
        <thead>
          <tr>
            <th scope="col">Trail</th>
            <th scope="col">Records</th>
            <th scope="col">Status</th>
            <th scope="col">Logging</th>
            <th scope="col">Latest OSS delivery</th>
            <th scope="col">Latest Log Service delivery</th>
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
                  {EVENT_RW_TEXT[trail.eventRW]}, {regionsCoveredText(trail)}
                </td>
                <td>
                  <TrailStatusBadge status={trail.status} />
                </td>
                <td>
                  {status?.isPending
                    ? "…"
                    : status?.isError
                      ? "Unknown"
                      : status?.data?.isLogging
                        ? "On"
                        : "Off"}
                </td>
                <td>
                  {trail.ossBucketName ? (
                    <TrailTime value={status?.data?.latestDeliveryTime ?? ""} />
                  ) : (
                    "Not delivered"
                  )}
                </td>
                <td>
                  {trail.slsProjectArn ? (
                    <TrailTime
                      value={status?.data?.latestDeliveryLogServiceTime ?? ""}
                    />
                  ) : (
                    "Not delivered"
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
