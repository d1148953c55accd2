import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { DETECTION_DAYS, serviceInsightsQueryOptions } from "./queries";
import { ServiceInsightCard } from "./service-insight-card";

interface ServiceInsightsProps {
  region: string;
  now: number;
}

/**
 * The service's own insight events for the region (ActionTrail Insights),
 * with the way to Trailscope's findings, which rank what the rules and
 * detectors noticed over a range the reader picks.
 */
export function ServiceInsights({ region, now }: ServiceInsightsProps) {
  const { t } = useLingui();
  const search = useLocation().search;
  const region_ = new URLSearchParams(search).get("region");
  const findings = `/insights/findings${region_ ? `?region=${encodeURIComponent(region_)}` : ""}`;
  const insights = useQuery(
    serviceInsightsQueryOptions(region, now - DETECTION_DAYS * 86_400_000, now),
  );
  const days = DETECTION_DAYS;
  return (
    <section aria-labelledby="service-insights-title" className="insight-group">
      <h3 id="service-insights-title">
        <Trans>
          ActionTrail insights ({region}, last {days} days)
        </Trans>
      </h3>
      <p className="muted">
        <Trans>
          Trailscope&apos;s own detections, ranked and grouped by who acted, are
          under <Link to={findings}>Findings</Link>.
        </Trans>
      </p>
      {insights.isPending ? (
        <LoadingState title={t`Loading ActionTrail insight events…`} />
      ) : insights.isError ? (
        <ErrorPanel
          error={insights.error}
          title={t`Insight events could not be loaded`}
          onRetry={() => void insights.refetch()}
          compact
        />
      ) : insights.data.length === 0 ? (
        <EmptyState
          title={t`ActionTrail reported no insight events for this region.`}
        />
      ) : (
        <div className="card-list">
          {insights.data.map((i) => (
            <ServiceInsightCard key={i.id} insight={i} />
          ))}
        </div>
      )}
    </section>
  );
}
