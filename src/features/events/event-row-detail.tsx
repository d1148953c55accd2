import type { AuditEvent } from "@/api/schemas/event";
import { EventFacts } from "./event-facts";

/** The inline summary under an expanded row. */
export function EventRowDetail({ event }: { event: AuditEvent }) {
  return (
    <div
      className="event-row-detail"
      role="region"
      aria-label={`Summary of event ${event.id}`}
    >
      <EventFacts event={event} />
    </div>
  );
}
