import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { regionsQueryOptions } from "@/features/regions/queries";
import { DetectionCard } from "./detection-card";
import { detectErrorRateBursts } from "./detectors/error-rate";
import { runDetectors } from "./detectors/run-detectors";
import { detectSigninFailures } from "./detectors/signin-failures";
import {
  DETECTION_CAP_PER_REGION,
  DETECTION_DAYS,
  detectionWindowQueryOptions,
  overviewEventsQueryOptions,
  serviceInsightsQueryOptions,
} from "./queries";
import { ServiceInsightCard } from "./service-insight-card";

interface UnusualActivityProps {
  region: string;
  now: number;
  from: number;
  to: number;
}

/** The service's insight events and Trailscope's own detections, most severe first. */
export function UnusualActivity({
  region,
  now,
  from,
  to,
}: UnusualActivityProps) {
  const regions = useQuery(regionsQueryOptions());
  const regionIds = useMemo(
    () => (regions.data ?? []).map((r) => r.id),
    [regions.data],
  );
  const window = useQuery(detectionWindowQueryOptions(regionIds, now));
  const overview = useQuery(overviewEventsQueryOptions(region, from, to));
  const insights = useQuery(
    serviceInsightsQueryOptions(region, now - DETECTION_DAYS * 86_400_000, now),
  );
  const detections = useMemo(() => {
    const found = runDetectors(window.data?.events ?? []);
    // The overview also holds reads: error bursts and sign-ins may show there.
    const seen = new Set(found.map((d) => d.id));
    const extra = runDetectors(overview.data?.events ?? [], [
      detectErrorRateBursts,
      detectSigninFailures,
    ]).filter((d) => !seen.has(d.id));
    return [...found, ...extra];
  }, [window.data, overview.data]);

  return (
    <>
      <section
        aria-labelledby="service-insights-title"
        className="insight-group"
      >
        <h3 id="service-insights-title">
          ActionTrail insights ({region}, last {DETECTION_DAYS} days)
        </h3>
        {insights.isPending ? (
          <LoadingState title="Loading ActionTrail insight events…" />
        ) : insights.isError ? (
          <ErrorPanel
            error={insights.error}
            title="Insight events could not be loaded"
            onRetry={() => void insights.refetch()}
            compact
          />
        ) : insights.data.length === 0 ? (
          <EmptyState title="ActionTrail reported no insight events for this region." />
        ) : (
          <div className="card-list">
            {insights.data.map((i) => (
              <ServiceInsightCard key={i.id} insight={i} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="detections-title" className="insight-group">
        <h3 id="detections-title">Trailscope detections</h3>
        <p className="muted">
          Over write events of the last {DETECTION_DAYS} days from every region
          (up to {DETECTION_CAP_PER_REGION.toLocaleString("en-US")} per region),
          plus the loaded events of {region}.
          {window.data &&
            ` ${window.data.events.length.toLocaleString("en-US")} write events examined${window.data.truncated ? "; some busy regions were cut at the cap" : ""}.`}
        </p>
        {window.data && window.data.failedRegions.length > 0 && (
          <p role="status" className="notice warn">
            Events of {window.data.failedRegions.join(", ")} could not be
            loaded; detections there may be missing.
          </p>
        )}
        {regions.isError ? (
          <ErrorPanel
            error={regions.error}
            title="Regions could not be loaded"
            onRetry={() => void regions.refetch()}
            compact
          />
        ) : window.isError ? (
          <ErrorPanel
            error={window.error}
            title="The detection window could not be loaded"
            onRetry={() => void window.refetch()}
            compact
          />
        ) : window.isPending ? (
          <LoadingState
            title={`Loading write events of the last ${DETECTION_DAYS} days from every region…`}
          />
        ) : detections.length === 0 ? (
          <EmptyState title="Nothing unusual in the loaded events." />
        ) : (
          <div className="card-list">
            {detections.map((d) => (
              <DetectionCard key={d.id} detection={d} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
