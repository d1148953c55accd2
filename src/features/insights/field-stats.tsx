import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { eventSearchHref } from "@/lib/event-search-url";
import {
  EVENT_FIELDS,
  fieldById,
  formatShare,
  topValues,
} from "@/lib/event-stats";
import { overviewEventsQueryOptions } from "./queries";

interface FieldStatsProps {
  region: string;
  from: number;
  to: number;
  field: string;
  onFieldChange: (field: string) => void;
}

/** Top values of any field of the loaded events, each a click from filtering for or against it. */
export function FieldStats({
  region,
  from,
  to,
  field,
  onFieldChange,
}: FieldStatsProps) {
  const id = useId();
  const loaded = useQuery(overviewEventsQueryOptions(region, from, to));
  const chosen = fieldById(field) ?? EVENT_FIELDS[0]!;
  const stats = useMemo(
    () => topValues(loaded.data?.events ?? [], chosen.get, 20),
    [loaded.data, chosen],
  );
  return (
    <div className="field-stats">
      <label htmlFor={id}>Field</label>{" "}
      <select
        id={id}
        value={chosen.id}
        onChange={(e) => onFieldChange(e.target.value)}
      >
        {EVENT_FIELDS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
      {loaded.isPending ? (
        <LoadingState title="Loading events…" />
      ) : loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          onRetry={() => void loaded.refetch()}
          compact
        />
      ) : stats.total === 0 ? (
        <EmptyState title="No loaded events." />
      ) : (
        <>
          <p className="muted">
            Covers the {stats.total.toLocaleString("en-US")} loaded events only
            {loaded.data.truncated
              ? " (the newest of the range; the cap was reached)"
              : ""}
            : {stats.distinct.toLocaleString("en-US")} different values of{" "}
            {chosen.label.toLowerCase()}.
          </p>
          <table className="data-table">
            <caption className="visually-hidden">
              Top values of {chosen.label}
            </caption>
            <thead>
              <tr>
                <th scope="col">{chosen.label}</th>
                <th scope="col">Events</th>
                <th scope="col">Search</th>
              </tr>
            </thead>
            <tbody>
              {stats.top.map((v) => (
                <tr key={v.value}>
                  <td>
                    {v.value === "" ? (
                      <em>(empty)</em>
                    ) : (
                      <SafeText value={v.value} maxLength={100} />
                    )}
                  </td>
                  <td>
                    <meter
                      min={0}
                      max={stats.total}
                      value={v.count}
                      aria-hidden="true"
                    />{" "}
                    {formatShare(v.count, stats.total)}
                  </td>
                  <td className="row-actions">
                    {v.value !== "" && (
                      <>
                        <Link
                          to={eventSearchHref({
                            region,
                            from,
                            to,
                            filters: [
                              { key: chosen.searchKey, value: v.value },
                            ],
                          })}
                          aria-label={`Only ${chosen.label} ${v.value}`}
                        >
                          Only this
                        </Link>
                        <Link
                          to={eventSearchHref({
                            region,
                            from,
                            to,
                            exclude: [
                              { key: chosen.searchKey, value: v.value },
                            ],
                          })}
                          aria-label={`Without ${chosen.label} ${v.value}`}
                        >
                          Without
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
