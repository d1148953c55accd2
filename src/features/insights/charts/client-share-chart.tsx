import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatShare } from "@/lib/event-stats";
import type { ClientKind } from "../to-series";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";

const COLORS = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
];

interface ClientShareChartProps {
  coverage: string;
  clients: { kind: ClientKind; count: number }[];
  total: number;
}

/** How calls were made: console, CLI, SDK, cloud services. */
export function ClientShareChart({
  coverage,
  clients,
  total,
}: ClientShareChartProps) {
  const summary =
    clients.map((c) => `${c.kind} ${formatShare(c.count, total)}`).join("; ") ||
    "No events.";
  return (
    <ChartFrame
      title="Console, CLI and SDK share"
      coverage={coverage}
      summary={summary}
      chart={
        <ResponsiveContainer width="100%" height={200}>
          <PieChart accessibilityLayer={false}>
            <Pie
              data={clients}
              dataKey="count"
              nameKey="kind"
              innerRadius={45}
              outerRadius={80}
              isAnimationActive={false}
              label={({ name }) => String(name)}
            >
              {clients.map((c, i) => (
                <Cell key={c.kind} fill={COLORS[i % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip
              isAnimationActive={false}
              content={({ active, payload }) => {
                const p = payload[0];
                return p ? (
                  <ChartTooltip
                    active={active}
                    title={String(p.name)}
                    lines={[{ label: "Events", value: Number(p.value) }]}
                  />
                ) : null;
              }}
            />
          </PieChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">Calls by client</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.kind}>
                <td>{c.kind}</td>
                <td>{formatShare(c.count, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
