import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { ChartFrame } from "./charts/chart-frame";
import { ClientShareChart } from "./charts/client-share-chart";
import { EventsHistogram, type Stack } from "./charts/events-histogram";
import { HistogramTable } from "./charts/histogram-table";
import { SpanPicker } from "./charts/span-picker";
import { TopValuesChart } from "./charts/top-values-chart";
import {
  OVERVIEW_CAP,
  overviewEventsQueryOptions,
  overviewSeriesQueryOptions,
} from "./queries";
import { TOP_FIELDS, type TopField } from "./to-series";

interface OverviewSectionProps {
  region: string;
  from: number;
  to: number;
  rangeLabel: string;
  stack: Stack;
  onStackChange: (stack: Stack) => void;
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
  const navigate = useNavigate();
  const loaded = useQuery(overviewEventsQueryOptions(region, from, to));
  const series = useQuery({
    ...overviewSeriesQueryOptions(region, from, to),
    enabled: loaded.isSuccess,
  });

  if (loaded.isPending)
    return (
      <LoadingState
        title={`Loading the events of ${region}, ${rangeLabel} (up to ${OVERVIEW_CAP.toLocaleString("en-US")})…`}
      />
    );
  if (loaded.isError)
    return (
      <ErrorPanel
        error={loaded.error}
        title="The events for the charts could not be loaded"
        onRetry={() => void loaded.refetch()}
      />
    );
  if (series.isError)
    return (
      <ErrorPanel
        error={series.error}
        title="The charts could not be computed"
        onRetry={() => void series.refetch()}
      />
    );
  if (!series.data) return <LoadingState title="Counting events…" />;
  const s = series.data;
  if (s.total === 0)
    return (
      <EmptyState title={`No events in ${region} for the ${rangeLabel}.`} />
    );

  const capNote = loaded.data.truncated
    ? ` (the newest ${OVERVIEW_CAP.toLocaleString("en-US")}; older events of the range are not counted)`
    : "";
  const coverage = `Covers ${s.total.toLocaleString("en-US")} loaded events of ${region}, ${rangeLabel}${capNote}.`;
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

  return (
    <div className="overview">
      <ChartFrame
        title="Events over time"
        coverage={coverage}
        summary={`${writes.toLocaleString("en-US")} writes and ${errors.toLocaleString("en-US")} failed calls in ${buckets.length} bars of ${Math.round(s.histogram.bucketMs / 60_000)} minutes. The busiest bar starts ${formatTime(busiest.start, zone, true)} with ${busiest.total.toLocaleString("en-US")} events. Click a bar or drag across bars to open those events.`}
        chart={
          <EventsHistogram
            buckets={buckets}
            stack={stack}
            zone={zone}
            onSelect={(a, b) => void navigate(spanHref(a, b))}
          />
        }
        table={
          <HistogramTable buckets={buckets} zone={zone} hrefFor={spanHref} />
        }
        actions={
          <div className="chart-actions">
            <fieldset className="radio-group">
              <legend>Stack by</legend>
              <label>
                <input
                  type="radio"
                  name="stack"
                  checked={stack === "rw"}
                  onChange={() => onStackChange("rw")}
                />{" "}
                Read / write
              </label>
              <label>
                <input
                  type="radio"
                  name="stack"
                  checked={stack === "result"}
                  onChange={() => onStackChange("result")}
                />{" "}
                Success / error
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
            title={`Top ${TOP_FIELDS[field].label.toLowerCase()}`}
            coverage={`Covers ${s.top[field].counted.toLocaleString("en-US")} of the ${s.total.toLocaleString("en-US")} loaded events${field === "errorCode" ? " (the failed ones)" : ""}.`}
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
