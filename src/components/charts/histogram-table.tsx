import { Trans } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { useFormat } from "@/components/i18n/use-format";
import type { HistogramBucket } from "@/lib/histogram";
import "./charts.css";

interface HistogramTableProps {
  buckets: readonly HistogramBucket[];
  /** What the table lists, for screen readers. */
  caption: string;
  /** Leave out the bars without events. */
  hideEmpty?: boolean;
  /** The control that opens or narrows to bar `index` (a button or a link), named after its span. */
  renderNarrow: (
    index: number,
    span: { from: string; to: string },
  ) => ReactNode;
}

/** A histogram's figures as a table, each bar a control away from its events. */
export function HistogramTable({
  buckets,
  caption,
  hideEmpty = false,
  renderNarrow,
}: HistogramTableProps) {
  const { number, time } = useFormat();
  return (
    <div className="table-scroll histogram-table">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>From</Trans>
            </th>
            <th scope="col">
              <Trans>To</Trans>
            </th>
            <th scope="col">
              <Trans>Read</Trans>
            </th>
            <th scope="col">
              <Trans>Write</Trans>
            </th>
            <th scope="col">
              <Trans>Failed</Trans>
            </th>
            <th scope="col">
              <Trans>Total</Trans>
            </th>
            <th scope="col">
              <Trans>Narrow</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b, i) => {
            if (hideEmpty && b.total === 0) return null;
            const from = time(b.start);
            const to = time(b.end);
            return (
              <tr key={b.start}>
                <td>{from}</td>
                <td>{to}</td>
                <td>{number(b.read)}</td>
                <td>{number(b.write)}</td>
                <td>{number(b.error)}</td>
                <td>{number(b.total)}</td>
                <td>{renderNarrow(i, { from, to })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
