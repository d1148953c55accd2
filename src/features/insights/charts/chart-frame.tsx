import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";

interface ChartFrameProps {
  title: string;
  /** "Covers 4,812 events of cn-hangzhou, last 24 hours." */
  coverage: string;
  /** What the chart shows, in words, for everyone (and screen readers). */
  summary: React.ReactNode;
  chart: React.ReactNode;
  table: React.ReactNode;
  actions?: React.ReactNode;
}

/** A chart with its coverage, a text summary and a table view of the same figures. */
export function ChartFrame({
  title,
  coverage,
  summary,
  chart,
  table,
  actions,
}: ChartFrameProps) {
  const { t } = useLingui();
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className="card chart-frame" aria-labelledby={`${id}-title`}>
      <header className="chart-header">
        <h3 id={`${id}-title`}>{title}</h3>
        <button
          type="button"
          aria-pressed={showTable}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t`Show chart` : t`Show table`}
        </button>
      </header>
      <p className="chart-coverage">{coverage}</p>
      <p className="chart-summary">{summary}</p>
      {showTable ? (
        table
      ) : (
        <div
          role="img"
          aria-label={t`${title}: chart (the table view has the figures)`}
        >
          {chart}
        </div>
      )}
      {actions}
    </section>
  );
}
