import { useLingui } from "@lingui/react/macro";
import { SafeText } from "@/components/ui/safe-text";
import { formatShare, topValues } from "@/lib/event-stats";
import type { AuditEvent } from "@/api/schemas/event";

interface ValueSummaryProps {
  label: string;
  events: AuditEvent[];
  get: (e: AuditEvent) => string;
  render?: (value: string) => React.ReactNode;
}

/** The values of one field among the events, with counts ("12 of 40"). */
export function ValueSummary({
  label,
  events,
  get,
  render,
}: ValueSummaryProps) {
  const { t } = useLingui();
  const stats = topValues(events, get, 8);
  const values = stats.top.filter((v) => v.value !== "");
  const distinct = stats.distinct;
  const top = values.length;
  return (
    <div>
      <dt>
        {top < distinct
          ? t`${label} (${distinct} values, top ${top})`
          : t`${label} (${distinct})`}
      </dt>
      <dd>
        <ul className="value-list">
          {values.map((v) => (
            <li key={v.value}>
              {render ? (
                render(v.value)
              ) : (
                <SafeText value={v.value} maxLength={80} />
              )}{" "}
              <span className="muted">{formatShare(v.count, stats.total)}</span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
