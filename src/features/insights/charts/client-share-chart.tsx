import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useShare } from "@/components/charts/use-share";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { ClientKind } from "../to-series";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "@/components/charts/chart-tooltip";

const COLORS = [
  "var(--chart-1)",
  "var(--chart-2)",
  "var(--chart-3)",
  "var(--chart-4)",
  "var(--chart-5)",
];

/** How each client kind is named for people (the kind itself is an internal key). */
const CLIENT_LABEL = {
  Console: msg`Console`,
  CLI: msg`CLI`,
  SDK: msg`SDK`,
  "Cloud service": msg`Cloud service`,
  Other: msg`Other`,
} as const satisfies Record<ClientKind, unknown>;

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
  const { t, i18n } = useLingui();
  const formatShare = useShare();
  const shown = clients.map((c) => ({
    ...c,
    label: i18n._(CLIENT_LABEL[c.kind]),
  }));
  const summary =
    shown.map((c) => `${c.label} ${formatShare(c.count, total)}`).join(t`; `) ||
    t`No events.`;
  return (
    <ChartFrame
      title={t`Console, CLI and SDK share`}
      coverage={coverage}
      summary={summary}
      chart={
        <div className="donut">
          <ResponsiveContainer width={180} height={180}>
            <PieChart accessibilityLayer={false}>
              <Pie
                data={shown}
                dataKey="count"
                nameKey="label"
                innerRadius={45}
                outerRadius={80}
                isAnimationActive={false}
              >
                {shown.map((c, i) => (
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
          {/* Names beside the ring, not around it: they wrap instead of being cut. */}
          <ul className="donut-legend">
            {shown.map((c, i) => (
              <li key={c.kind}>
                <span
                  className="legend-swatch"
                  style={{ background: COLORS[i % COLORS.length] }}
                />{" "}
                {c.label}{" "}
                <span className="muted">{formatShare(c.count, total)}</span>
              </li>
            ))}
          </ul>
        </div>
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
              <th scope="col" className="num">
                <Trans>Events</Trans>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.kind}>
                <td>{c.label}</td>
                <td className="num">{formatShare(c.count, total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
