import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import type { SearchCondition } from "@/lib/event-search-url";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { surroundingEventsQueryOptions } from "./queries";

type Basis = "identity" | "address" | "resource";

function conditionFor(
  e: AuditEvent,
  basis: Basis,
): SearchCondition | undefined {
  if (basis === "identity")
    return e.userName ? { key: "User", value: e.userName } : undefined;
  if (basis === "address")
    return e.sourceIp
      ? { key: "SourceIpAddress", value: e.sourceIp }
      : undefined;
  const name = e.resourceName.split(/[;,]/)[0]?.trim();
  return name ? { key: "ResourceName", value: name } : undefined;
}

/** What the same identity, address or resource did in the 15 minutes before and after. */
export function SurroundingEvents({
  event,
  onOpen,
}: {
  event: AuditEvent;
  onOpen: (id: string) => void;
}) {
  const id = useId();
  const zone = usePrefsStore((s) => s.timeZone);
  const [basis, setBasis] = useState<Basis>("identity");
  const condition = conditionFor(event, basis);
  const query = useQuery({
    ...surroundingEventsQueryOptions(
      event.region,
      condition ?? { key: "EventId", value: event.id },
      event.timeMs,
    ),
    enabled:
      condition !== undefined &&
      Boolean(event.region) &&
      Number.isFinite(event.timeMs),
  });
  return (
    <section aria-labelledby={`${id}-title`} className="surrounding">
      <h3 id={`${id}-title`}>Surrounding events (±15 min)</h3>
      <label htmlFor={`${id}-basis`}>Same </label>
      <select
        id={`${id}-basis`}
        value={basis}
        onChange={(e) => setBasis(e.target.value as Basis)}
      >
        <option value="identity">identity</option>
        <option value="address">source address</option>
        <option value="resource">resource</option>
      </select>
      {!condition ? (
        <EmptyState title={`This event names no ${basis}.`} />
      ) : query.isPending ? (
        <LoadingState title="Loading surrounding events…" />
      ) : query.isError ? (
        <ErrorPanel
          error={query.error}
          compact
          onRetry={() => void query.refetch()}
        />
      ) : query.data.events.length === 0 ? (
        <EmptyState title="Nothing else in those 30 minutes." />
      ) : (
        <ol className="surrounding-list">
          {query.data.events.map((e) => (
            <li
              key={e.id}
              className={e.id === event.id ? "is-current" : undefined}
            >
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen(e.id)}
                aria-current={e.id === event.id}
              >
                {formatTime(e.timeMs, zone)}
              </button>{" "}
              <SafeText value={e.name} maxLength={60} /> ·{" "}
              <SafeText value={e.userName} maxLength={40} /> ·{" "}
              <SafeText value={e.sourceIp} maxLength={40} />
              {e.errorCode && (
                <span className="result-error">
                  {" "}
                  <SafeText value={e.errorCode} maxLength={40} />
                </span>
              )}
            </li>
          ))}
          {query.data.more && (
            <li className="muted">
              More than 50 events: narrow with a pivot above.
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
