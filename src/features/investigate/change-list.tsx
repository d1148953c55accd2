import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { EmptyState } from "@/components/ui/states";
import type { CaseSearch } from "@/stores/cases-store";
import { ChangeCard } from "./change-card";
import { changeActions, type ResourceChange } from "./resource-changes";
import { revertHint } from "./revert-hints";

interface ChangeListProps {
  changes: readonly ResourceChange[];
  /** Every loaded event of the resource: the way back looks at what came before and after. */
  events: readonly AuditEvent[];
  search: CaseSearch;
}

/** A resource's changes, newest first, filtered by action. */
export function ChangeList({ changes, events, search }: ChangeListProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const [action, setAction] = useState("");
  const selectId = useId();
  const actions = changeActions(changes);
  const shown = action
    ? changes.filter((c) => c.event.name === action)
    : changes;
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">
        <Trans>Changes, newest first</Trans>
      </h2>
      {changes.length === 0 ? (
        <EmptyState
          title={t`No write events: nothing changed it in this window.`}
        />
      ) : (
        <>
          <p>
            <label htmlFor={selectId}>
              <Trans>Action</Trans>
            </label>{" "}
            <select
              id={selectId}
              value={action}
              onChange={(ev) => setAction(ev.target.value)}
            >
              <option value="">{t`All actions`}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </p>
          <div className="card-list">
            {shown.map((c) => (
              <ChangeCard
                key={c.event.id}
                change={c}
                hint={revertHint(c.event, events, (e) =>
                  timeWithZone(e.timeMs),
                )}
                search={search}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
