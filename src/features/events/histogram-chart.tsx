import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import {
  Bar,
  BarChart,
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

interface HistogramChartProps {
  buckets: readonly HistogramBucket[];
  stack: HistogramStack;
  /** A bar clicked or a span of bars dragged: buckets [first, last] inclusive. */
  onSelect: (first: number, last: number) => void;
}

const indexOf = (state: MouseHandlerDataParam): number | undefined => {
  const i = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(i) && i >= 0 ? i : undefined;
};

/** The bars only: click one, or drag across several, to narrow the search to them. */
export function HistogramChart({
  buckets,
  stack,
  onSelect,
}: HistogramChartProps) {
  const { t, i18n } = useLingui();
  const { time, number } = useFormat();
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const series = HISTOGRAM_SERIES[stack];
  const lo = drag ? Math.min(drag.from, drag.to) : 0;
  const hi = drag ? Math.max(drag.from, drag.to) : 0;
  return (
    <ResponsiveContainer width="100%" height={120}>
      <BarChart
        data={buckets.map((b, i) => ({ ...b, i }))}
        accessibilityLayer={false}
        barCategoryGap={1}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
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
        <XAxis
          dataKey="i"
          tickFormatter={(i: number) =>
            time(buckets[i]?.start ?? NaN).slice(5, 16)
          }
          minTickGap={32}
          tick={{ fontSize: 11 }}
        />
        <YAxis allowDecimals={false} width={40} tick={{ fontSize: 11 }} />
        <Tooltip
          cursor={{ fillOpacity: 0.15 }}
          isAnimationActive={false}
          content={({ active, label }) => {
            const b = buckets[Number(label)];
            if (!active || !b) return null;
            return (
              <div className="chart-tooltip">
                <p className="chart-tooltip-title">
                  {time(b.start)} – {time(b.end)}
                </p>
                {stack !== "none" &&
                  series.map((s) => (
                    <p key={s.key}>
                      {i18n._(s.label)}: <strong>{number(b[s.key])}</strong>
                    </p>
                  ))}
                <p>
                  {t`Total`}: <strong>{number(b.total)}</strong>
                </p>
              </div>
            );
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
  );
}
