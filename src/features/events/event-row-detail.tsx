import { useLingui } from "@lingui/react/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { EventFacts } from "./event-facts";

/** The inline summary under an expanded row. */
export function EventRowDetail({ event }: { event: AuditEvent }) {
  const { t } = useLingui();
  const id = event.id;
  return (
    <div
      className="event-row-detail"
      role="region"
      aria-label={t`Summary of event ${id}`}
    >
      <EventFacts event={event} />
    </div>
  );
}
