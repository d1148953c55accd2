import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { Link } from "react-router";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref } from "@/lib/event-search-url";
import type { CaseSearch } from "@/stores/cases-store";
import { PinButton } from "./pin-button";

interface EventTableProps {
  caption: string;
  events: AuditEvent[];
  search: CaseSearch;
  showUser?: boolean;
  pageSize?: number;
}

export const openEventHref = (e: AuditEvent): string =>
  eventSearchHref({
    region: e.region || "all",
    from: e.timeMs - 1000,
    to: e.timeMs + 1000,
    filters: [{ key: "EventId", value: e.id }],
    eventId: e.id,
  });

/** Events as rows (newest first), each pinnable and a link away from the event search. */
export function EventTable({
  caption,
  events,
  search,
  showUser = true,
  pageSize = 100,
}: EventTableProps) {
  const { t } = useLingui();
  const { number, time, zoneNow } = useFormat();
  const [shown, setShown] = useState(pageSize);
  const count = number(events.length);
  const more = Math.min(pageSize, events.length - shown);
  const rest = number(events.length - shown);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t`${caption} (${count})`}</caption>
        <thead>
          <tr>
            <th scope="col" className="nowrap">
              {t`Time (${zoneNow})`}
            </th>
            <th scope="col">
              <Trans>Event</Trans>
            </th>
            {showUser && (
              <th scope="col">
                <Trans>Who</Trans>
              </th>
            )}
            <th scope="col">
              <Trans>Region</Trans>
            </th>
            <th scope="col">
              <Trans>From</Trans>
            </th>
            <th scope="col">
              <Trans>Resource</Trans>
            </th>
            <th scope="col">
              <Trans>Result</Trans>
            </th>
            <th scope="col">
              <Trans>Case</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={openEventHref(e)}>{time(e.timeMs)}</Link>
              </td>
              <td>
                <SafeText value={e.name} maxLength={60} />
              </td>
              {showUser && (
                <td>
                  <SafeText value={e.userName} maxLength={60} />
                </td>
              )}
              <td>
                <SafeText value={e.region} maxLength={30} />
              </td>
              <td>
                <SafeText value={e.sourceIp} maxLength={45} />
              </td>
              <td>
                <SafeText value={e.resourceName} maxLength={60} />
              </td>
              <td>
                {e.errorCode ? (
                  <SafeText
                    className="error-text"
                    value={e.errorCode}
                    maxLength={60}
                  />
                ) : (
                  t`OK`
                )}
              </td>
              <td>
                <PinButton event={e} search={search} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + pageSize)}>
          {plural(more, {
            one: `Show # more of ${rest}`,
            other: `Show # more of ${rest}`,
          })}
        </button>
      )}
    </div>
  );
}
