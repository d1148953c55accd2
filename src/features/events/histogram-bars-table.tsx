import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import type { HistogramBucket } from "@/lib/histogram";

interface HistogramBarsTableProps {
  buckets: readonly HistogramBucket[];
  onSelect: (first: number, last: number) => void;
}

/** The histogram's figures as a table; each bar with events is a button away from narrowing to it. */
export function HistogramBarsTable({
  buckets,
  onSelect,
}: HistogramBarsTableProps) {
  const { t } = useLingui();
  const { number, time } = useFormat();
  return (
    <div className="events-histogram-table">
      <table className="data-table">
        <caption className="visually-hidden">
          <Trans>
            Shown events per time bar (bars without events left out)
          </Trans>
        </caption>
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
            if (b.total === 0) return null;
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
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(i, i)}
                    aria-label={t`Narrow the search to ${from} – ${to}`}
                  >
                    <Trans>Narrow to this bar</Trans>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
