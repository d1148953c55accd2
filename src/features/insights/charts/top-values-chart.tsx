import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useShare } from "@/components/charts/use-share";
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import type { ValueCount } from "@/lib/event-stats";
import { toVisibleString } from "@/lib/visible-text";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { fitLabel, fitLabelToWidth, textWidth } from "./fit-label";

/** The value axis' width in pixels; labels are 12 px and keep a small gap. */
const AXIS_WIDTH = 170;
const LABEL_PX = 12;
const LABEL_ROOM = AXIS_WIDTH - 12;

/** A label cut to the axis: measured where a canvas can, else by letter count. */
function axisLabel(full: string): string {
  if (textWidth("M", LABEL_PX) === undefined) return fitLabel(full, 20);
  return fitLabelToWidth(full, LABEL_ROOM, (s) => textWidth(s, LABEL_PX) ?? 0);
}

interface ValueTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  labels: readonly { full: string; short: string }[];
}

/** A value on the axis: cut with "…" to fit, the whole value in its tooltip. */
function ValueTick({ x, y, payload, labels }: ValueTickProps) {
  const label = labels[Number(payload?.value)];
  if (!label) return null;
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <title>{label.full}</title>
      <text
        x={-4}
        dy="0.35em"
        textAnchor="end"
        fontSize={LABEL_PX}
        className="chart-axis-label"
      >
        {label.short}
      </text>
    </g>
  );
}

interface TopValuesChartProps {
  title: string;
  coverage: string;
  values: ValueCount[];
  /** How many events had a value (the share's denominator). */
  counted: number;
  distinct: number;
  hrefFor: (value: string) => string;
  onOpen: (value: string) => void;
}

/** The most frequent values of one field; a click on a bar (or a link in the table) opens the filtered event search. */
export function TopValuesChart({
  title,
  coverage,
  values,
  counted,
  distinct,
  hrefFor,
  onOpen,
}: TopValuesChartProps) {
  const { t } = useLingui();
  const { number } = useFormat();
  const formatShare = useShare();
  const first = values[0];
  const distinctText = number(distinct);
  const topShare = first ? formatShare(first.count, counted) : "";
  // The most frequent value is event text: shown as such (SafeText).
  const summary = first ? (
    <Trans>
      {distinctText} different values; the most frequent is{" "}
      <SafeText value={first.value} maxLength={60} /> with {topShare}.
    </Trans>
  ) : (
    t`No values in the loaded events.`
  );
  const data = values.map((v, i) => ({ ...v, i }));
  const labels = values.map((v) => {
    const full = toVisibleString(v.value, 200);
    return { full, short: axisLabel(full) };
  });
  return (
    <ChartFrame
      title={title}
      coverage={coverage}
      summary={summary}
      chart={
        values.length === 0 ? null : (
          <ResponsiveContainer
            width="100%"
            height={Math.max(120, values.length * 26 + 20)}
          >
            <BarChart
              data={data}
              layout="vertical"
              margin={{ left: 8, right: 16 }}
              accessibilityLayer={false}
            >
              <XAxis type="number" allowDecimals={false} />
              <YAxis
                type="category"
                dataKey="i"
                width={AXIS_WIDTH}
                tick={<ValueTick labels={labels} />}
                interval={0}
              />
              <Tooltip
                isAnimationActive={false}
                content={({ active, label }) => {
                  const v = values[Number(label)];
                  return v ? (
                    <ChartTooltip
                      active={active}
                      title={toVisibleString(v.value, 120)}
                      lines={[{ label: t`Events`, value: v.count }]}
                    />
                  ) : null;
                }}
              />
              <Bar
                dataKey="count"
                fill="var(--chart-1)"
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_, index) => {
                  const v = values[index];
                  if (v) onOpen(v.value);
                }}
              />
            </BarChart>
          </ResponsiveContainer>
        )
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Value</Trans>
              </th>
              <th scope="col" className="num">
                <Trans>Events</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => (
              <tr key={v.value}>
                <td>
                  <Link to={hrefFor(v.value)}>
                    <SafeText value={v.value} maxLength={80} />
                  </Link>
                </td>
                <td className="num">{formatShare(v.count, counted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
