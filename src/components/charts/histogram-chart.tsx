import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { MouseHandlerDataParam } from "recharts";
import { useFormat } from "@/components/i18n/use-format";
import type { HistogramBucket } from "@/lib/histogram";
import type { HistogramStack } from "@/stores/prefs-store";
import { ChartTooltip } from "./chart-tooltip";
import "./charts.css";

type Count = "total" | "read" | "write" | "ok" | "error";

/** The series each stacking draws, bottom to top. */
export const HISTOGRAM_SERIES: Record<
  HistogramStack,
  { key: Count; label: MessageDescriptor; color: string }[]
> = {
  none: [{ key: "total", label: msg`Events`, color: "var(--hist-1)" }],
  rw: [
    { key: "read", label: msg`Read`, color: "var(--hist-1)" },
    { key: "write", label: msg`Write`, color: "var(--hist-2)" },
  ],
  result: [
    { key: "ok", label: msg`Succeeded`, color: "var(--hist-3)" },
    { key: "error", label: msg`Failed`, color: "var(--hist-4)" },
  ],
};

/** A strip above a table (`compact`) or a card's chart (`full`, with a grid). */
const SIZES = {
  compact: {
    height: 120,
    margin: { top: 4, right: 8, bottom: 0, left: 0 },
    tick: { fontSize: 11 },
    axisWidth: 40,
    minTickGap: 32,
    grid: false,
  },
  full: {
    height: 240,
    margin: undefined,
    tick: undefined,
    axisWidth: 48,
    minTickGap: 24,
    grid: true,
  },
} as const;

interface HistogramChartProps {
  buckets: readonly HistogramBucket[];
  stack: HistogramStack;
  size: keyof typeof SIZES;
  /** A bar clicked or a span of bars dragged: buckets [first, last] inclusive. */
  onSelect: (first: number, last: number) => void;
}

const indexOf = (state: MouseHandlerDataParam): number | undefined => {
  const i = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(i) && i >= 0 ? i : undefined;
};

/** Events over time, stacked: click a bar, or drag across several, to pick their span. */
export function HistogramChart({
  buckets,
  stack,
  size,
  onSelect,
}: HistogramChartProps) {
  const { t, i18n } = useLingui();
  const { time } = useFormat();
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const series = HISTOGRAM_SERIES[stack];
  const look = SIZES[size];
  const lo = drag ? Math.min(drag.from, drag.to) : 0;
  const hi = drag ? Math.max(drag.from, drag.to) : 0;
  return (
    <div className="histogram-chart">
      <ResponsiveContainer width="100%" height={look.height}>
        <BarChart
          data={buckets.map((b, i) => ({ ...b, i }))}
          accessibilityLayer={false}
          barCategoryGap={size === "compact" ? 1 : undefined}
          margin={look.margin}
          onMouseDown={(state) => {
            const i = indexOf(state);
            if (i !== undefined) setDrag({ from: i, to: i });
          }}
          onMouseMove={(state) => {
            const i = indexOf(state);
            if (drag && i !== undefined && i !== drag.to)
              setDrag({ ...drag, to: i });
          }}
          onMouseUp={() => {
            if (drag) onSelect(lo, hi);
            setDrag(undefined);
          }}
          onMouseLeave={() => setDrag(undefined)}
        >
          {look.grid && (
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
          )}
          <XAxis
            dataKey="i"
            tickFormatter={(i: number) =>
              time(buckets[i]?.start ?? NaN).slice(5, 16)
            }
            minTickGap={look.minTickGap}
            tick={look.tick}
          />
          <YAxis
            allowDecimals={false}
            width={look.axisWidth}
            tick={look.tick}
          />
          <Tooltip
            cursor={{ fillOpacity: 0.15 }}
            isAnimationActive={false}
            content={({ active, label }) => {
              const b = buckets[Number(label)];
              return b ? (
                <ChartTooltip
                  active={active}
                  title={`${time(b.start)} – ${time(b.end)}`}
                  lines={[
                    ...(series.length > 1
                      ? series.map((s) => ({
                          label: i18n._(s.label),
                          value: b[s.key],
                        }))
                      : []),
                    { label: t`Total`, value: b.total },
                  ]}
                />
              ) : null;
            }}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={i18n._(s.label)}
              stackId="a"
              fill={s.color}
              isAnimationActive={false}
              cursor="pointer"
            />
          ))}
          {drag && lo !== hi && (
            <ReferenceArea
              x1={lo}
              x2={hi}
              strokeOpacity={0.3}
              fill="var(--accent)"
              fillOpacity={0.15}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The stack's colours and names (nothing for a single series). */
export function HistogramLegend({ stack }: { stack: HistogramStack }) {
  const { i18n } = useLingui();
  const series = HISTOGRAM_SERIES[stack];
  if (series.length < 2) return null;
  return series.map((s) => (
    <span key={s.key} className="histogram-legend-item">
      <span
        className="histogram-swatch"
        style={{ background: s.color }}
        aria-hidden="true"
      />{" "}
      {i18n._(s.label)}
    </span>
  ));
}
