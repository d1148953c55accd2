import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import { DEFAULT_REGION } from "@/stores/prefs-store";
import { DailyVolumeChart } from "./charts/daily-volume-chart";
import { FieldStats } from "./field-stats";
import { OVERVIEW_RANGES, RANGE_MS, type OverviewRange } from "./filters";
import { InsightsFrame } from "./insights-frame";
import { OverviewSection } from "./overview-section";
import { dailyCountsQueryOptions } from "./queries";
import { ServiceInsights } from "./service-insights";
import { useInsightsFilters } from "./use-insights-filters";
import "./insights.css";

const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

/** The region (Insights reads one region at a time) and the range the reader picked, with the range's controls. */
function useOverviewWindow() {
  const { t } = useLingui();
  const { region: chosen } = useRegion();
  const region = chosen === ALL_REGIONS ? DEFAULT_REGION : chosen;
  const [filters, setFilters] = useInsightsFilters();
  const [now, setNow] = useState(minuteNow);
  const from = now - RANGE_MS[filters.range];
  const rangeLabel: Record<OverviewRange, string> = {
    "1h": t`last hour`,
    "6h": t`last 6 hours`,
    "24h": t`last 24 hours`,
    "7d": t`last 7 days`,
  };
  const tools: ReactNode = (
    <div className="page-tools">
      <label htmlFor="insights-range">
        <Trans>Time range</Trans>
      </label>
      <select
        id="insights-range"
        value={filters.range}
        onChange={(e) => setFilters({ range: e.target.value as OverviewRange })}
      >
        {OVERVIEW_RANGES.map((r) => (
          <option key={r} value={r}>
            {rangeLabel[r]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => setNow(minuteNow())}>
        <Trans>Refresh</Trans>
      </button>
    </div>
  );
  return {
    region,
    now,
    from,
    filters,
    setFilters,
    tools,
    rangeLabel: rangeLabel[filters.range],
  };
}

/** Insights' Overview view: the charts of the region and range, 90 days of daily volume, and ActionTrail's own insight events. */
export function InsightsPage() {
  const { t } = useLingui();
  const w = useOverviewWindow();
  return (
    <InsightsFrame title={t`Overview`}>
      {w.tools}
      <section aria-labelledby="overview-title" className="page-section">
        <h2 id="overview-title">
          <Trans>Overview</Trans>
        </h2>
        <ErrorBoundary
          label={t`Overview charts`}
          resetKey={`${w.region}-${w.from}`}
        >
          <OverviewSection
            region={w.region}
            from={w.from}
            to={w.now}
            rangeLabel={w.rangeLabel}
            stack={w.filters.stack}
            onStackChange={(stack) => w.setFilters({ stack })}
          />
        </ErrorBoundary>
        <ErrorBoundary label={t`Daily volume`} resetKey={w.region}>
          <DailyVolume region={w.region} now={w.now} />
        </ErrorBoundary>
      </section>
      <section aria-labelledby="unusual-title" className="page-section">
        <h2 id="unusual-title">
          <Trans>Unusual activity</Trans>
        </h2>
        <ErrorBoundary
          label={t`Unusual activity`}
          resetKey={`${w.region}-${w.now}`}
        >
          <ServiceInsights region={w.region} now={w.now} />
        </ErrorBoundary>
      </section>
    </InsightsFrame>
  );
}

/** Insights' Field statistics view: the top values of any field over the loaded events of the region and range. */
export function FieldStatsView() {
  const { t } = useLingui();
  const w = useOverviewWindow();
  return (
    <InsightsFrame title={t`Field statistics`}>
      {w.tools}
      <section aria-labelledby="fields-title" className="page-section">
        <h2 id="fields-title">
          <Trans>Field statistics</Trans>
        </h2>
        <ErrorBoundary
          label={t`Field statistics`}
          resetKey={`${w.region}-${w.from}`}
        >
          <FieldStats
            region={w.region}
            from={w.from}
            to={w.now}
            field={w.filters.field}
            onFieldChange={(field) => w.setFilters({ field })}
          />
        </ErrorBoundary>
      </section>
    </InsightsFrame>
  );
}

function DailyVolume({ region, now }: { region: string; now: number }) {
  const { t } = useLingui();
  const days = useQuery(dailyCountsQueryOptions(region, now));
  if (days.isPending)
    return <LoadingState title={t`Loading 90 days of daily counts…`} />;
  if (days.isError)
    return (
      <ErrorPanel
        error={days.error}
        title={t`Daily counts could not be loaded`}
        onRetry={() => void days.refetch()}
        compact
      />
    );
  return <DailyVolumeChart region={region} days={days.data} />;
}
