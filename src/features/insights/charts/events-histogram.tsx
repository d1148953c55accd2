import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
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
import type { TimeZonePref } from "@/stores/prefs-store";
import { formatTime } from "@/lib/time";
import type { HistogramBucket } from "../to-series";
import { ChartTooltip } from "./chart-tooltip";

export type Stack = "rw" | "result";

const STACKS: Record<
  Stack,
  { key: keyof HistogramBucket; label: MessageDescriptor; color: string }[]
> = {
  rw: [
    { key: "read", label: msg`Read`, color: "var(--chart-1)" },
    { key: "write", label: msg`Write`, color: "var(--chart-2)" },
  ],
  result: [
    { key: "ok", label: msg`Succeeded`, color: "var(--chart-3)" },
    { key: "error", label: msg`Failed`, color: "var(--chart-4)" },
  ],
};

interface EventsHistogramProps {
  buckets: HistogramBucket[];
  stack: Stack;
  zone: TimeZonePref;
  /** A bar clicked or a span dragged: buckets [first, last] inclusive. */
  onSelect: (first: number, last: number) => void;
}

const indexOf = (state: MouseHandlerDataParam): number | undefined => {
  const i = Number(state.activeTooltipIndex ?? state.activeIndex);
  return Number.isInteger(i) && i >= 0 ? i : undefined;
};

/** Events over time, stacked; click a bar or drag across bars to open the events of that span. */
export function EventsHistogram({
  buckets,
  stack,
  zone,
  onSelect,
}: EventsHistogramProps) {
  const { t, i18n } = useLingui();
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const data = buckets.map((b, i) => ({ ...b, i }));
  const series = STACKS[stack];
  const lo = drag ? Math.min(drag.from, drag.to) : 0;
  const hi = drag ? Math.max(drag.from, drag.to) : 0;
  return (
    <div className="histogram" data-testid="events-histogram">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          data={data}
          accessibilityLayer={false}
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
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="i"
            tickFormatter={(i: number) =>
              formatTime(buckets[i]?.start ?? NaN, zone).slice(5, 16)
            }
            minTickGap={24}
          />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip
            cursor={{ fillOpacity: 0.15 }}
            isAnimationActive={false}
            content={({ active, label }) => {
              const b = buckets[Number(label)];
              return b ? (
                <ChartTooltip
                  active={active}
                  title={`${formatTime(b.start, zone)} – ${formatTime(b.end, zone)}`}
                  lines={[
                    ...series.map((s) => ({
                      label: i18n._(s.label),
                      value: Number(b[s.key]),
                    })),
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
      <p className="legend">
        {series.map((s) => (
          <span key={s.key} className="legend-item">
            <span
              className="legend-swatch"
              style={{ background: s.color }}
              aria-hidden="true"
            />{" "}
            {i18n._(s.label)}
          </span>
        ))}
      </p>
    </div>
  );
}
