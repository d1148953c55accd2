import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useCallback, useMemo, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { useCasesStore, type CaseSearch } from "@/stores/cases-store";
import "./columns-pin.css";

/**
 * Pinning loaded events to the case file (investigate's cases store): to the
 * active case, or a new one when none is chosen. Each change is said in a
 * status region next to the control that made it.
 */
export function useCasePins(search: CaseSearch | undefined) {
  const { t } = useLingui();
  const { timeWithZone, number } = useFormat();
  const activeCase = useCasesStore((s) =>
    s.cases.find((c) => c.id === s.activeCaseId),
  );
  const pin = useCasesStore((s) => s.pin);
  const unpin = useCasesStore((s) => s.unpin);
  const createCase = useCasesStore((s) => s.createCase);
  const [message, setMessage] = useState("");

  const pinnedIds = useMemo(
    () => new Set(activeCase?.events.map((e) => e.id)),
    [activeCase],
  );
  const isPinned = useCallback((id: string) => pinnedIds.has(id), [pinnedIds]);

  const caseFor = () => {
    if (activeCase) return { id: activeCase.id, name: activeCase.name };
    const when = timeWithZone(Date.now());
    const name = t`Case ${when}`;
    return { id: createCase(name), name };
  };

  const pinEvents = (events: readonly AuditEvent[]) => {
    const fresh = events.filter((e) => !pinnedIds.has(e.id));
    if (!search || fresh.length === 0) return;
    const target = caseFor();
    for (const e of fresh)
      pin(target.id, {
        id: e.id,
        region: e.region,
        time: e.time,
        name: e.name,
        userName: e.userName,
        search,
        raw: e.raw,
      });
    const caseName = target.name;
    const count = fresh.length;
    const shown = number(count);
    const first = fresh[0]?.name ?? "";
    setMessage(
      count === 1
        ? t`Pinned ${first} to case ${caseName}.`
        : plural(count, {
            one: `Pinned ${shown} event to case ${caseName}.`,
            other: `Pinned ${shown} events to case ${caseName}.`,
          }),
    );
  };

  const unpinEvent = (event: AuditEvent) => {
    if (!activeCase) return;
    unpin(activeCase.id, event.id);
    const caseName = activeCase.name;
    const name = event.name;
    setMessage(t`Unpinned ${name} from case ${caseName}.`);
  };

  const toggle = (event: AuditEvent) =>
    isPinned(event.id) ? unpinEvent(event) : pinEvents([event]);

  return {
    isPinned,
    toggle,
    pinEvents,
    message,
    canPin: search !== undefined,
  };
}

export type CasePins = ReturnType<typeof useCasePins>;

/** A pressed/unpressed pin for one event (rows and the pane). */
export function PinToggle({
  event,
  pins,
  tabIndex,
  children,
}: {
  event: AuditEvent;
  pins: CasePins;
  tabIndex?: number;
  children?: React.ReactNode;
}) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const pinned = pins.isPinned(event.id);
  const name = event.name;
  const time = timeWithZone(event.timeMs);
  return (
    <button
      type="button"
      className={children ? "pin-toggle" : "icon-button pin-toggle"}
      tabIndex={tabIndex}
      aria-pressed={pinned}
      disabled={!pins.canPin}
      aria-label={children ? undefined : t`Pin ${name} at ${time} to case`}
      title={pinned ? t`Pinned to the case; press to unpin` : undefined}
      onClick={() => pins.toggle(event)}
    >
      <span aria-hidden="true" className={pinned ? "pin-on" : "pin-off"}>
        {pinned ? "★" : "☆"}
      </span>
      {children && <> {children}</>}
    </button>
  );
}

/** Says the last pin or unpin to screen readers (and on screen, briefly worded). */
export function PinStatus({ message }: { message: string }) {
  return (
    <span role="status" className="pin-status muted small">
      {message}
    </span>
  );
}

/** The View event pane's "Pin to case" button with its own status. */
export function PanePinButton({
  event,
  deepLink,
  range,
}: {
  event: AuditEvent;
  deepLink: string;
  range: { from?: string; to?: string };
}) {
  const { t } = useLingui();
  const search: CaseSearch = {
    label: t`Event search`,
    href: deepLink,
    from: range.from ?? event.time,
    to: range.to ?? event.time,
  };
  const pins = useCasePins(search);
  return (
    <>
      <PinToggle event={event} pins={pins}>
        <Trans>Pin to case</Trans>
      </PinToggle>
      <PinStatus message={pins.message} />
    </>
  );
}

/** Above the grid: how many rows are selected, pin them, clear the choice. */
export function PinSelectionBar({
  selected,
  pins,
  onClear,
}: {
  selected: readonly AuditEvent[];
  pins: CasePins;
  onClear: () => void;
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const count = selected.length;
  const shown = number(count);
  return (
    <div className="pin-selection-bar">
      <button
        type="button"
        disabled={count === 0 || !pins.canPin}
        onClick={() => {
          pins.pinEvents(selected);
          onClear();
        }}
      >
        {t`Pin ${shown} selected to case`}
      </button>
      {count > 0 && (
        <button type="button" className="link-button" onClick={onClear}>
          <Trans>Clear selection</Trans>
        </button>
      )}
      <PinStatus message={pins.message} />
    </div>
  );
}
