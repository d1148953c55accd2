import { Trans } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import { DEFAULT_REGION } from "@/stores/prefs-store";
import { DailyVolumeChart } from "./charts/daily-volume-chart";
import { FieldStats } from "./field-stats";
import { OVERVIEW_RANGES, RANGE_MS, type OverviewRange } from "./filters";
import { OverviewSection } from "./overview-section";
import { dailyCountsQueryOptions } from "./queries";
import { InsightsViews } from "./insights-frame";
import { UnusualActivity } from "./unusual-activity";
import { useInsightsFilters } from "./use-insights-filters";
import "./insights.css";

const RANGE_LABEL: Record<OverviewRange, string> = {
  "1h": "last hour",
  "6h": "last 6 hours",
  "24h": "last 24 hours",
  "7d": "last 7 days",
};

const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

/** Security overview: unusual activity first, then charts of the region and range, then field statistics. */
export function InsightsPage() {
  const { region: chosen } = useRegion();
  const region = chosen === ALL_REGIONS ? DEFAULT_REGION : chosen;
  const [filters, setFilters] = useInsightsFilters();
  const [now, setNow] = useState(minuteNow);
  const from = now - RANGE_MS[filters.range];
  useDocumentTitle("Insights", region);
  return (
    <section aria-labelledby="insights-title" className="insights-page">
      <header className="page-header">
        <h1 id="insights-title">
          <Trans>Insights</Trans>
        </h1>
        <div className="page-tools">
          <label htmlFor="insights-range">Time range</label>
          <select
            id="insights-range"
            value={filters.range}
            onChange={(e) =>
              setFilters({ range: e.target.value as OverviewRange })
            }
          >
            {OVERVIEW_RANGES.map((r) => (
              <option key={r} value={r}>
                {RANGE_LABEL[r]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setNow(minuteNow())}>
            Refresh
          </button>
        </div>
        <InsightsViews />
      </header>
      <section aria-labelledby="unusual-title" className="page-section">
        <h2 id="unusual-title">Unusual activity</h2>
        <ErrorBoundary label="Unusual activity" resetKey={`${region}-${now}`}>
          <UnusualActivity region={region} now={now} from={from} to={now} />
        </ErrorBoundary>
      </section>
      <section aria-labelledby="overview-title" className="page-section">
        <h2 id="overview-title">Overview</h2>
        <ErrorBoundary label="Overview charts" resetKey={`${region}-${from}`}>
          <OverviewSection
            region={region}
            from={from}
            to={now}
            rangeLabel={RANGE_LABEL[filters.range]}
            stack={filters.stack}
            onStackChange={(stack) => setFilters({ stack })}
          />
        </ErrorBoundary>
        <ErrorBoundary label="Daily volume" resetKey={region}>
          <DailyVolume region={region} now={now} />
        </ErrorBoundary>
      </section>
      <section aria-labelledby="fields-title" className="page-section">
        <h2 id="fields-title">Field statistics</h2>
        <FieldStats
          region={region}
          from={from}
          to={now}
          field={filters.field}
          onFieldChange={(field) => setFilters({ field })}
        />
      </section>
    </section>
  );
}

function DailyVolume({ region, now }: { region: string; now: number }) {
  const days = useQuery(dailyCountsQueryOptions(region, now));
  if (days.isPending)
    return <LoadingState title="Loading 90 days of daily counts…" />;
  if (days.isError)
    return (
      <ErrorPanel
        error={days.error}
        title="Daily counts could not be loaded"
        onRetry={() => void days.refetch()}
        compact
      />
    );
  return <DailyVolumeChart region={region} days={days.data} />;
}
