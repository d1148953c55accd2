import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import type { SearchCondition } from "@/lib/event-search-url";
import { useFormat } from "@/components/i18n/use-format";
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
  const { t } = useLingui();
  const { time, zoneLabel } = useFormat();
  const id = useId();
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
      <h3 id={`${id}-title`}>
        <Trans>Surrounding events (±15 min)</Trans>
      </h3>
      <label htmlFor={`${id}-basis`}>
        <Trans>Same</Trans>
      </label>{" "}
      <select
        id={`${id}-basis`}
        value={basis}
        onChange={(e) => setBasis(e.target.value as Basis)}
      >
        <option value="identity">{t`identity`}</option>
        <option value="address">{t`source address`}</option>
        <option value="resource">{t`resource`}</option>
      </select>
      {!condition ? (
        <EmptyState
          title={
            basis === "identity"
              ? t`This event names no identity.`
              : basis === "address"
                ? t`This event names no source address.`
                : t`This event names no resource.`
          }
        />
      ) : query.isPending ? (
        <LoadingState title={t`Loading surrounding events…`} />
      ) : query.isError ? (
        <ErrorPanel
          error={query.error}
          compact
          onRetry={() => void query.refetch()}
        />
      ) : query.data.events.length === 0 ? (
        <EmptyState title={t`Nothing else in those 30 minutes.`} />
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
                {time(e.timeMs)}
              </button>{" "}
              <span className="muted small">{zoneLabel(e.timeMs)}</span>{" "}
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
              <Trans>More than 50 events: narrow with a pivot above.</Trans>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
