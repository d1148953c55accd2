import type { AuditEvent } from "@/api/schemas/event";
import { useCasesStore, type CaseSearch } from "@/stores/cases-store";

interface PinButtonProps {
  event: AuditEvent;
  search: CaseSearch;
}

/** Pins an event to the chosen case (starting one if there is none), or unpins it. */
export function PinButton({ event, search }: PinButtonProps) {
  const activeCaseId = useCasesStore((s) => s.activeCaseId);
  const pinned = useCasesStore(
    (s) =>
      s.cases
        .find((c) => c.id === s.activeCaseId)
        ?.events.some((e) => e.id === event.id) ?? false,
  );
  const pin = useCasesStore((s) => s.pin);
  const unpin = useCasesStore((s) => s.unpin);
  const createCase = useCasesStore((s) => s.createCase);
  const label = `${event.name} at ${event.time}`;
  return (
    <button
      type="button"
      aria-pressed={pinned}
      aria-label={pinned ? `Unpin ${label}` : `Pin ${label}`}
      onClick={() => {
        const caseId =
          activeCaseId ??
          createCase(
            `Case ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
          );
        if (pinned) unpin(caseId, event.id);
        else
          pin(caseId, {
            id: event.id,
            region: event.region,
            time: event.time,
            name: event.name,
            userName: event.userName,
            search,
            raw: event.raw,
          });
      }}
    >
      {pinned ? "Pinned" : "Pin"}
    </button>
  );
}
