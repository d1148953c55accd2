import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { usePrefsStore } from "@/stores/prefs-store";
import {
  HistogramChart,
  HistogramLegend,
} from "@/components/charts/histogram-chart";
import { HistogramTable } from "@/components/charts/histogram-table";
import { ChartFrame } from "./charts/chart-frame";
import { ClientShareChart } from "./charts/client-share-chart";
import { SpanPicker } from "./charts/span-picker";
import { TopValuesChart } from "./charts/top-values-chart";
import { OVERVIEW_CAP, overviewSeriesQueryOptions } from "./queries";
import type { InsightsFilters } from "./filters";
import { TOP_FIELDS, type TopField } from "./to-series";
import { useOverviewEvents } from "./use-overview-events";

const TOP_TITLE: Record<TopField, MessageDescriptor> = {
  name: msg`Top event names`,
  service: msg`Top services`,
  user: msg`Top users`,
  ip: msg`Top source IPs`,
  errorCode: msg`Top error codes`,
  resourceType: msg`Top resource types`,
};

interface OverviewSectionProps {
  region: string;
  from: number;
  to: number;
  rangeLabel: string;
  stack: InsightsFilters["stack"];
  onStackChange: (stack: InsightsFilters["stack"]) => void;
}

/** Charts of the region and range: events over time, top values, client share. */
export function OverviewSection({
  region,
  from,
  to,
  rangeLabel,
  stack,
  onStackChange,
}: OverviewSectionProps) {
  const zone = usePrefsStore((s) => s.timeZone);
  const { t, i18n } = useLingui();
  const { number, timeWithZone } = useFormat();
  const cap = number(OVERVIEW_CAP);
  const navigate = useNavigate();
  const loaded = useOverviewEvents(region, from, to);
  const series = useQuery(
    overviewSeriesQueryOptions(region, from, to, loaded.data, loaded.complete),
  );

  if (loaded.isError)
    return (
      <ErrorPanel
        error={loaded.error}
        title={t`The events for the charts could not be loaded`}
        onRetry={() => void loaded.refetch()}
      />
    );
  if (series.isError)
    return (
      <ErrorPanel
        error={series.error}
        title={t`The charts could not be computed`}
        onRetry={() => void series.refetch()}
      />
    );
  const s = series.data;
  if (!loaded.data || !s || (s.total === 0 && !loaded.complete))
    return (
      <LoadingState
        title={t`Loading the events of ${region}, ${rangeLabel} (up to ${cap})…`}
      />
    );
  if (s.total === 0)
    return (
      <EmptyState title={t`No events in ${region} for the ${rangeLabel}.`} />
    );

  const capNote = loaded.data.truncated
    ? t` (the newest ${cap}; older events of the range are not counted)`
    : "";
  const totalText = number(s.total);
  const coverage = loaded.complete
    ? t`Covers ${totalText} loaded events of ${region}, ${rangeLabel}${capNote}.`
    : t`Still reading: covers the ${totalText} events of ${region}, ${rangeLabel}, read so far (up to ${cap}); the charts grow as the rest arrives.`;
  const buckets = s.histogram.buckets;
  const spanHref = (first: number, last: number) =>
    eventSearchHref({
      region,
      from: buckets[first]?.start ?? from,
      to: buckets[last]?.end ?? to,
    });
  const fieldHref = (field: TopField, value: string) => {
    const filters: SearchCondition[] = [
      { key: TOP_FIELDS[field].searchKey, value },
    ];
    return eventSearchHref({ region, from, to, filters });
  };
  const busiest = buckets.reduce(
    (m, b) => (b.total > m.total ? b : m),
    buckets[0]!,
  );
  const writes = buckets.reduce((n, b) => n + b.write, 0);
  const errors = buckets.reduce((n, b) => n + b.error, 0);
  const writesText = number(writes);
  const errorsText = number(errors);
  const barCount = number(buckets.length);
  const barMinutes = number(Math.round(s.histogram.bucketMs / 60_000));
  const busiestStart = timeWithZone(busiest.start);
  const busiestTotal = number(busiest.total);
  const all = number(s.total);
  const topCoverage = (field: TopField) => {
    const counted = number(s.top[field].counted);
    return field === "errorCode"
      ? t`Covers ${counted} of the ${all} loaded events (the failed ones).`
      : t`Covers ${counted} of the ${all} loaded events.`;
  };

  return (
    <div className="overview">
      <ChartFrame
        title={t`Events over time`}
        coverage={coverage}
        summary={t`${writesText} writes and ${errorsText} failed calls in ${barCount} bars of ${barMinutes} minutes. The busiest bar starts ${busiestStart} with ${busiestTotal} events. Click a bar or drag across bars to open those events.`}
        chart={
          <div data-testid="events-histogram">
            <HistogramChart
              buckets={buckets}
              stack={stack}
              size="full"
              onSelect={(a, b) => void navigate(spanHref(a, b))}
            />
            <p className="legend">
              <HistogramLegend stack={stack} />
            </p>
          </div>
        }
        table={
          <HistogramTable
            buckets={buckets}
            caption={t`Events per time bucket`}
            renderNarrow={(i, { from: start, to: end }) => (
              <Link
                to={spanHref(i, i)}
                aria-label={t`Open the events from ${start} to ${end}`}
              >
                <Trans>Open these events</Trans>
              </Link>
            )}
          />
        }
        actions={
          <div className="chart-actions">
            <fieldset className="radio-group">
              <legend>
                <Trans>Stack by</Trans>
              </legend>
              <label>
                <input
                  type="radio"
                  name="stack"
                  checked={stack === "rw"}
                  onChange={() => onStackChange("rw")}
                />{" "}
                <Trans>Read / write</Trans>
              </label>
              <label>
                <input
                  type="radio"
                  name="stack"
                  checked={stack === "result"}
                  onChange={() => onStackChange("result")}
                />{" "}
                <Trans>Success / error</Trans>
              </label>
            </fieldset>
            <SpanPicker
              key={`${from}-${buckets.length}`}
              buckets={buckets}
              zone={zone}
              onSelect={(a, b) => void navigate(spanHref(a, b))}
            />
          </div>
        }
      />
      <div className="chart-grid">
        {(Object.keys(TOP_FIELDS) as TopField[]).map((field) => (
          <TopValuesChart
            key={field}
            title={i18n._(TOP_TITLE[field])}
            coverage={topCoverage(field)}
            values={s.top[field].values}
            counted={s.top[field].counted}
            distinct={s.top[field].distinct}
            hrefFor={(value) => fieldHref(field, value)}
            onOpen={(value) => void navigate(fieldHref(field, value))}
          />
        ))}
        <ClientShareChart
          coverage={coverage}
          clients={s.clients}
          total={s.total}
        />
      </div>
    </div>
  );
}
