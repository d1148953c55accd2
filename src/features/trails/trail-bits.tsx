import type { TrailStatus } from "@/api/schemas/trail";
import { useFormat } from "@/components/i18n/use-format";
import { parseApiTime, STATUS_TEXT, STATUS_TONE } from "./trail-format";

/** Fresh / Enable / Disable as a badge whose words say what it means (not colour alone). */
export function TrailStatusBadge({ status }: { status: TrailStatus }) {
  return (
    <span
      className={`badge ${STATUS_TONE[status]}`}
      title={STATUS_TEXT[status]}
    >
      {status}
      <span className="visually-hidden"> — {STATUS_TEXT[status]}</span>
    </span>
  );
}

/** An ActionTrail time in the user's chosen zone, the exact value in the tooltip; "—" when absent. */
export function TrailTime({
  value,
  withZone = false,
}: {
  value: string;
  withZone?: boolean;
}) {
  const { time, timeWithZone } = useFormat();
  const ms = parseApiTime(value);
  if (ms === undefined) return <span className="muted">—</span>;
  return (
    <time dateTime={new Date(ms).toISOString()} title={value}>
      {withZone ? timeWithZone(ms) : time(ms)}
    </time>
  );
}
