import { useLingui } from "@lingui/react/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
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
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const name = event.name;
  const when = timeWithZone(event.timeMs);
  return (
    <button
      type="button"
      aria-pressed={pinned}
      aria-label={
        pinned ? t`Unpin ${name} at ${when}` : t`Pin ${name} at ${when}`
      }
      onClick={() => {
        const started = timeWithZone(Date.now());
        const caseId = activeCaseId ?? createCase(t`Case ${started}`);
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
      {pinned ? t`Pinned` : t`Pin`}
    </button>
  );
}
