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
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Events per time bucket</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Read</th>
            <th scope="col">Write</th>
            <th scope="col">Failed</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b, i) => (
            <tr key={b.start}>
              <td>
                <Link to={hrefFor(i, i)}>{formatTime(b.start, zone)}</Link>
              </td>
              <td>{formatTime(b.end, zone)}</td>
              <td>{b.read}</td>
              <td>{b.write}</td>
              <td>{b.error}</td>
              <td>{b.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
