import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { useCasesStore } from "@/stores/cases-store";

interface AddToCaseProps {
  /** The finding's title, as the case file names where its events came from. */
  title: string;
  /** The finding's events, oldest first. */
  events: readonly AuditEvent[];
  /** The event search that shows them (app-relative). */
  href: string;
  firstMs: number;
  lastMs: number;
}

/**
 * Pins a finding's events to the case file: the active case, or a new one
 * when none is chosen. What happened is said in a status next to the button.
 */
export function AddToCase({
  title,
  events,
  href,
  firstMs,
  lastMs,
}: AddToCaseProps) {
  const { t } = useLingui();
  const { timeWithZone, number } = useFormat();
  const activeCase = useCasesStore((s) =>
    s.cases.find((c) => c.id === s.activeCaseId),
  );
  const pin = useCasesStore((s) => s.pin);
  const createCase = useCasesStore((s) => s.createCase);
  const [message, setMessage] = useState("");

  const add = () => {
    const when = timeWithZone(Date.now());
    const caseName = activeCase?.name ?? t`Case ${when}`;
    const caseId = activeCase?.id ?? createCase(caseName);
    const pinned = new Set(activeCase?.events.map((e) => e.id));
    const fresh = events.filter((e) => !pinned.has(e.id));
    const search = {
      label: t`Finding: ${title}`,
      href,
      from: new Date(firstMs).toISOString(),
      to: new Date(lastMs + 1000).toISOString(),
    };
    for (const e of fresh)
      pin(caseId, {
        id: e.id,
        region: e.region,
        time: e.time,
        name: e.name,
        userName: e.userName,
        search,
        raw: e.raw,
      });
    const shown = number(fresh.length);
    setMessage(
      fresh.length === 0
        ? t`Its events are already in case ${caseName}.`
        : plural(fresh.length, {
            one: `Added ${shown} event to case ${caseName}.`,
            other: `Added ${shown} events to case ${caseName}.`,
          }),
    );
  };

  return (
    <>
      <button type="button" onClick={add} disabled={events.length === 0}>
        <Trans>Add to case</Trans>
      </button>{" "}
      <span role="status">{message}</span>
    </>
  );
}
