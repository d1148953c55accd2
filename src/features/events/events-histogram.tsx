import { Trans, useLingui } from "@lingui/react/macro";
import { lazy, Suspense, useId, useMemo, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { busiestBucket, searchHistogram } from "@/lib/histogram";
import { usePrefsStore, type HistogramStack } from "@/stores/prefs-store";
import { HistogramTable } from "@/components/charts/histogram-table";
import "./events-histogram.css";

// The chart library loads after the results, not before them: it is most of
// the events page's JavaScript, and the first rows need none of it.
const HistogramChart = lazy(async () => ({
  default: (await import("@/components/charts/histogram-chart")).HistogramChart,
}));
const HistogramLegend = lazy(async () => ({
  default: (await import("@/components/charts/histogram-chart"))
    .HistogramLegend,
}));

const MINUTE = 60_000;

interface EventsHistogramProps {
  /** The shown events: loaded, then refined in the browser. */
  events: readonly AuditEvent[];
  /** The search window the bars cover. */
  window: { startMs: number; endMs: number };
  /** Narrow the search to an absolute range (epoch ms). */
  onNarrow: (startMs: number, endMs: number) => void;
}

/**
 * The shown results over the search window, above the table (as log
 * explorers have): click a bar or drag across bars to narrow the range; the
 * table view does the same from the keyboard. Folded away on request.
 */
export function EventsHistogram({
  events,
  window,
  onNarrow,
}: EventsHistogramProps) {
  const { t } = useLingui();
  const { number, time, zoneLabel } = useFormat();
  const prefs = usePrefsStore((s) => s.eventHistogram);
  const setPrefs = usePrefsStore((s) => s.setEventHistogram);
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const { startMs, endMs } = window;
  // Binning reads every shown event: only when they or the window change.
  const histogram = useMemo(
    () => searchHistogram(events, startMs, endMs),
    [events, startMs, endMs],
  );
  const { buckets, bucketMs } = histogram;
  const busiest = useMemo(() => busiestBucket(buckets), [buckets]);

  const select = (first: number, last: number) => {
    const a = buckets[first];
    const b = buckets[last];
    if (a && b) onNarrow(a.start, b.end);
  };

  const interval =
    bucketMs === MINUTE
      ? t`minute`
      : bucketMs === 5 * MINUTE
        ? t`5 minutes`
        : bucketMs === 60 * MINUTE
          ? t`hour`
          : t`day`;
  const total = number(events.length - histogram.outside);
  const from = time(startMs);
  const to = time(endMs);
  const zone = zoneLabel(startMs);
  const busiestFrom = busiest ? time(busiest.start) : "";
  const busiestCount = busiest ? number(busiest.total) : "";
  const summary = busiest
    ? t`${total} events from ${from} to ${to} (${zone}), one bar per ${interval}; the busiest bar starts ${busiestFrom} with ${busiestCount} events.`
    : t`No shown events from ${from} to ${to} (${zone}).`;

  return (
    <section className="events-histogram" aria-labelledby={`${id}-title`}>
      <header className="events-histogram-header">
        <h2 id={`${id}-title`} className="events-histogram-title">
          <button
            type="button"
            aria-expanded={prefs.open}
            aria-controls={`${id}-body`}
            onClick={() => setPrefs({ open: !prefs.open })}
          >
            <span aria-hidden="true">{prefs.open ? "▾" : "▸"}</span>{" "}
            <Trans>Events over time</Trans>
          </button>
        </h2>
        {prefs.open && (
          <>
            <label>
              <Trans>Stack by</Trans>{" "}
              <select
                value={prefs.stack}
                onChange={(e) =>
                  setPrefs({ stack: e.target.value as HistogramStack })
                }
              >
                <option value="none">{t`Nothing`}</option>
                <option value="rw">{t`Read / write`}</option>
                <option value="result">{t`Result`}</option>
              </select>
            </label>
            <button
              type="button"
              aria-pressed={showTable}
              onClick={() => setShowTable((v) => !v)}
            >
              {showTable ? t`Show chart` : t`Show table`}
            </button>
          </>
        )}
      </header>
      <div id={`${id}-body`} hidden={!prefs.open}>
        {prefs.open && (
          <>
            <p className="events-histogram-summary muted">{summary}</p>
            {showTable ? (
              <HistogramTable
                buckets={buckets}
                caption={t`Shown events per time bar (bars without events left out)`}
                hideEmpty
                renderNarrow={(i, { from, to }) => (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => select(i, i)}
                    aria-label={t`Narrow the search to ${from} – ${to}`}
                  >
                    <Trans>Narrow to this bar</Trans>
                  </button>
                )}
              />
            ) : (
              <>
                <div
                  role="img"
                  aria-label={t`Events over time: chart (the summary above and the table view have the figures)`}
                  className="events-histogram-chart"
                >
                  <Suspense fallback={null}>
                    <HistogramChart
                      buckets={buckets}
                      stack={prefs.stack}
                      size="compact"
                      onSelect={select}
                    />
                  </Suspense>
                </div>
                <p className="events-histogram-hint muted">
                  <Suspense fallback={null}>
                    <HistogramLegend stack={prefs.stack} />
                  </Suspense>
                  <Trans>
                    Click a bar or drag across bars to narrow the time range.
                  </Trans>
                </p>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
