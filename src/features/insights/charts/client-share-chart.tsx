import { Trans, useLingui } from "@lingui/react/macro";
import { useShare } from "./use-share";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
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
  const { t } = useLingui();
  const formatShare = useShare();
  const summary =
    clients.map((c) => `${c.kind} ${formatShare(c.count, total)}`).join("; ") ||
    t`No events.`;
  return (
    <ChartFrame
      title={t`Console, CLI and SDK share`}
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
                    lines={[{ label: t`Events`, value: Number(p.value) }]}
                  />
                ) : null;
              }}
            />
          </PieChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table">
          <caption className="visually-hidden">
            <Trans>Calls by client</Trans>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Client</Trans>
              </th>
              <th scope="col">
                <Trans>Events</Trans>
              </th>
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
