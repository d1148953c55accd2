import { useFormat } from "@/components/i18n/use-format";
import "./charts.css";
interface TooltipLine {
  label: string;
  value: number;
}

interface ChartTooltipProps {
  active?: boolean;
  title: string;
  lines: TooltipLine[];
}

/** Tooltip content as React text only: event text is hostile, never HTML. */
export function ChartTooltip({ active, title, lines }: ChartTooltipProps) {
  const { number } = useFormat();
  if (!active) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">
        <bdi>{title}</bdi>
      </p>
      {lines.map((line) => (
        <p key={line.label}>
          {line.label}: <strong>{number(line.value)}</strong>
        </p>
      ))}
    </div>
  );
}
