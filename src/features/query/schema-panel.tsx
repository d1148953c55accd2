import { useLingui } from "@lingui/react/macro";
import { useMemo } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { SafeText } from "@/components/ui/safe-text";
import { EVENT_COLUMNS } from "./events-table";

/** The `events` table's columns, their types and an example value from the loaded events. */
export function SchemaPanel({
  events,
}: {
  events: readonly AuditEvent[] | undefined;
}) {
  const { t } = useLingui();
  const examples = useMemo(
    () =>
      EVENT_COLUMNS.map((column) => {
        for (const event of (events ?? []).slice(0, 500)) {
          const value = column.read(event);
          if (value !== null)
            return column.kind === "timestamp" && typeof value === "number"
              ? new Date(value).toISOString()
              : String(value);
        }
        return "";
      }),
    [events],
  );
  return (
    <aside className="schema-panel" aria-label={t`Columns of the events table`}>
      <h2>{t`Table events`}</h2>
      <dl>
        {EVENT_COLUMNS.map((column, i) => (
          <div key={column.name}>
            <dt>
              <code>{column.name}</code>{" "}
              <span className="hint">
                {column.sqlType === "JSON" ? t`JSON text` : column.sqlType}
              </span>
            </dt>
            <dd>
              {examples[i] ? (
                <SafeText value={examples[i]} maxLength={60} />
              ) : (
                "—"
              )}
            </dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
