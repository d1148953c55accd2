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
  if (!active) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">
        <bdi>{title}</bdi>
      </p>
      {lines.map((line) => (
        <p key={line.label}>
          {line.label}: <strong>{line.value.toLocaleString("en-US")}</strong>
        </p>
      ))}
    </div>
  );
}
