import {
  Bar,
  BarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";

interface DailyVolumeChartProps {
  region: string;
  days: { date: string; count: number }[];
}

/** 90 days of daily event counts (DescribeUserLogCount: the service's count, not the loaded events). */
export function DailyVolumeChart({ region, days }: DailyVolumeChartProps) {
  const total = days.reduce((n, d) => n + d.count, 0);
  const peak = days.reduce<{ date: string; count: number } | undefined>(
    (m, d) => (!m || d.count > m.count ? d : m),
    undefined,
  );
  return (
    <ChartFrame
      title="Daily volume, last 90 days"
      coverage={`Covers ${total.toLocaleString("en-US")} events counted by the service for ${region} over ${days.length} days.`}
      summary={
        peak
          ? `The busiest day was ${peak.date} with ${peak.count.toLocaleString("en-US")} events; the average is ${Math.round(total / Math.max(days.length, 1)).toLocaleString("en-US")} a day.`
          : "No counts."
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
                    lines={[{ label: "Events", value: day.count }]}
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
            <caption className="visually-hidden">Events per day</caption>
            <thead>
              <tr>
                <th scope="col">Date (UTC)</th>
                <th scope="col">Events</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{d.count.toLocaleString("en-US")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}
