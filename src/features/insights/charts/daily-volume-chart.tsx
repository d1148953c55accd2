import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "@/components/charts/chart-tooltip";

interface DailyVolumeChartProps {
  region: string;
  days: { date: string; count: number }[];
}

/** 90 days of daily event counts (DescribeUserLogCount: the service's count, not the loaded events). */
export function DailyVolumeChart({ region, days }: DailyVolumeChartProps) {
  const { t } = useLingui();
  const { number } = useFormat();
  const total = days.reduce((n, d) => n + d.count, 0);
  const peak = days.reduce<{ date: string; count: number } | undefined>(
    (m, d) => (!m || d.count > m.count ? d : m),
    undefined,
  );
  const totalText = number(total);
  const dayCount = number(days.length);
  const peakDate = peak?.date ?? "";
  const peakCount = number(peak?.count ?? 0);
  const average = number(Math.round(total / Math.max(days.length, 1)));
  return (
    <ChartFrame
      title={t`Daily volume, last 90 days`}
      coverage={t`Covers ${totalText} events counted by the service for ${region} over ${dayCount} days.`}
      summary={
        peak
          ? t`The busiest day was ${peakDate} with ${peakCount} events; the average is ${average} a day.`
          : t`No counts.`
      }
      chart={
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={days} accessibilityLayer={false}>
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => d.slice(5)}
              minTickGap={24}
            />
            <YAxis allowDecimals={false} width={56} />
            <Tooltip
              isAnimationActive={false}
              content={({ active, label }) => {
                const day = days.find((d) => d.date === label);
                return day ? (
                  <ChartTooltip
                    active={active}
                    title={day.date}
                    lines={[{ label: t`Events`, value: day.count }]}
                  />
                ) : null;
              }}
            />
            <Bar
              dataKey="count"
              fill="var(--chart-1)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">
              <Trans>Events per day</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Date (UTC)</Trans>
                </th>
                <th scope="col">
                  <Trans>Events</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{number(d.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
