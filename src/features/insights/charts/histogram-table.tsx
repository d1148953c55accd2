import { Trans } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { Link } from "react-router";
import type { TimeZonePref } from "@/stores/prefs-store";
import { formatTime } from "@/lib/time";
import type { HistogramBucket } from "../to-series";

interface HistogramTableProps {
  buckets: HistogramBucket[];
  zone: TimeZonePref;
  hrefFor: (first: number, last: number) => string;
}

export function HistogramTable({
  buckets,
  zone,
  hrefFor,
}: HistogramTableProps) {
  const { number } = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">
          <Trans>Events per time bucket</Trans>
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
          </tr>
        </thead>
        <tbody>
          {buckets.map((b, i) => (
            <tr key={b.start}>
              <td>
                <Link to={hrefFor(i, i)}>{formatTime(b.start, zone)}</Link>
              </td>
              <td>{formatTime(b.end, zone)}</td>
              <td>{number(b.read)}</td>
              <td>{number(b.write)}</td>
              <td>{number(b.error)}</td>
              <td>{number(b.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
