import { Trans, useLingui } from "@lingui/react/macro";
import { useMemo } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { Dialog } from "@/components/ui/dialog";
import { FieldValues } from "@/components/field-values";
import { topValues } from "@/lib/event-stats";
import type { SearchCondition } from "@/lib/event-search-url";
import type { ColumnField } from "./column-fields";
import { useTabTrap } from "./use-tab-trap";

const TOP = 15;

interface FieldStatsPopoverProps {
  /** The column's name, as its header says it. */
  label: string;
  field: ColumnField;
  /** The shown events: loaded, then refined in the browser. */
  events: readonly AuditEvent[];
  onClose: () => void;
  /** Keep only events with the condition (`only`) or drop them (`without`). */
  onFilter: (condition: SearchCondition, how: "only" | "without") => void;
}

/** A column's top values over the shown results, each a click from keeping or dropping it. */
export function FieldStatsPopover({
  label,
  field,
  events,
  onClose,
  onFilter,
}: FieldStatsPopoverProps) {
  const { t } = useLingui();
  const { number } = useFormat();
  useTabTrap(true, "dialog.field-stats[open]");
  const stats = useMemo(
    () => topValues(events, field.get, TOP),
    [events, field],
  );
  const total = number(stats.total);
  const distinct = number(stats.distinct);
  const listed = number(TOP);
  return (
    <Dialog
      open
      title={t`Field statistics: ${label}`}
      onClose={onClose}
      className="field-stats"
      footer={
        <button type="button" onClick={onClose}>
          <Trans>Close</Trans>
        </button>
      }
    >
      <p className="muted">
        {t`Over the ${total} shown events (loaded, then filtered in the browser): ${distinct} different values.`}
      </p>
      <FieldValues
        label={label}
        values={stats.top}
        total={stats.total}
        renderActions={(value) => {
          const condition = field.condition(value);
          return (
            condition && (
              <>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onFilter(condition, "only")}
                  aria-label={t`Only ${label} ${value}`}
                >
                  <Trans>Only this</Trans>
                </button>{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onFilter(condition, "without")}
                  aria-label={t`Without ${label} ${value}`}
                >
                  <Trans>Without this</Trans>
                </button>
              </>
            )
          );
        }}
      />
      {stats.distinct > TOP && (
        <p className="muted small">
          {t`The ${listed} most frequent values are listed.`}
        </p>
      )}
    </Dialog>
  );
}
