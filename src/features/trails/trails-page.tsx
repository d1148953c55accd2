import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import type { TrailRow } from "./columns";
import { trailsQueryOptions } from "./queries";
import {
  homeTrails,
  isShadowTrail,
  MAX_TRAILS_PER_REGION,
} from "./trail-format";
import { TrailsTable } from "./trails-table";
import { ReadOnlyNotice, useWriteAccess, WriteButton } from "./write-access";
import "./trails.css";

/** The trails of the region on screen, how many of the five it may hold, and the way to add one. */
export function TrailsPage() {
  const { t } = useLingui();
  const { region } = useRegion();
  useDocumentTitle(t`Trails`, region);
  if (region === ALL_REGIONS) {
    return (
      <section className="page trails-page" aria-labelledby="trails-title">
        <h1 id="trails-title">{t`Trails`}</h1>
        <EmptyState title={t`Choose a region`}>
          <p>
            {t`Trails belong to a region: choose one with the region switcher above.`}
          </p>
        </EmptyState>
      </section>
    );
  }
  return <RegionTrails region={region} />;
}

function RegionTrails({ region }: { region: string }) {
  const { t } = useLingui();
  const trails = useQuery(trailsQueryOptions(region));
  const access = useWriteAccess();
  const navigate = useNavigate();
  const rows = useMemo<TrailRow[]>(
    () =>
      (trails.data ?? []).map((trail) => ({
        trail,
        shadow: isShadowTrail(trail, region),
        viewRegion: region,
      })),
    [trails.data, region],
  );
  const own = trails.data ? homeTrails(trails.data, region).length : undefined;
  const q = `?region=${encodeURIComponent(region)}`;
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  return (
    <section className="page trails-page" aria-labelledby="trails-title">
      {typeof notice === "string" && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="page-heading">
        <h1 id="trails-title">{t`Trails`}</h1>
        <div className="page-actions">
          <Link to={`/trails/coverage${q}`}>{t`Coverage map`}</Link>
          <WriteButton
            access={access}
            className="primary"
            onClick={() => void navigate(`/trails/new${q}`)}
          >
            {t`Create trail`}
          </WriteButton>
        </div>
      </div>
      <ReadOnlyNotice access={access} />
      <p className="trail-quota" aria-live="polite">
        {own === undefined
          ? t`Trails in ${region}`
          : t`${own} of ${MAX_TRAILS_PER_REGION} trails in this region (${region})`}
        {own !== undefined && own >= MAX_TRAILS_PER_REGION && (
          <span className="badge warn">
            {" "}
            {t`Limit reached: delete a trail to add another here`}
          </span>
        )}
      </p>
      {trails.isPending ? (
        <LoadingState title={t`Loading trails…`} />
      ) : trails.data === undefined ? (
        <ErrorPanel
          error={trails.error}
          title={t`The trails could not be loaded`}
          onRetry={() => void trails.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState title={t`No trails in ${region}`}>
          <p>
            {t`Without a trail, events are kept for 90 days only and are not delivered anywhere. Create a trail to archive them in OSS or analyse them in Log Service.`}
          </p>
        </EmptyState>
      ) : (
        <>
          {trails.isError && (
            <ErrorPanel
              compact
              error={trails.error}
              title={t`Showing the trails loaded earlier: refreshing failed`}
              onRetry={() => void trails.refetch()}
            />
          )}
          <TrailsTable rows={rows} caption={t`Trails seen from ${region}`} />
          {rows.some((r) => r.shadow) && (
            <p className="muted">
              {t`A shadow copy is an all-region trail managed from its home region; it records this region too.`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
