import { useState } from "react";
import { Link } from "react-router";
import type { AuditEvent } from "@/api/schemas/event";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref } from "@/lib/event-search-url";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
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
  const zone = usePrefsStore((s) => s.timeZone);
  const [shown, setShown] = useState(pageSize);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          {caption} ({events.length.toLocaleString("en-US")})
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            {showUser && <th scope="col">Who</th>}
            <th scope="col">Region</th>
            <th scope="col">From</th>
            <th scope="col">Resource</th>
            <th scope="col">Result</th>
            <th scope="col">Case</th>
          </tr>
        </thead>
        <tbody>
          {events.slice(0, shown).map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={openEventHref(e)}>{formatTime(e.timeMs, zone)}</Link>
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
                  "OK"
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
          Show {Math.min(pageSize, events.length - shown)} more of{" "}
          {(events.length - shown).toLocaleString("en-US")}
        </button>
      )}
    </div>
  );
}
