import { Trans, useLingui } from "@lingui/react/macro";
import { usePrefsStore } from "@/stores/prefs-store";
import { EVENT_COLUMN_IDS, eventColumnLabel } from "./columns";
import { EVENTS_TABLE_ID } from "./events-table";

/** Which columns show, in what order; remembered in prefs. */
export function ColumnChooser() {
  const { t } = useLingui();
  const prefs = usePrefsStore((s) => s.tables[EVENTS_TABLE_ID]);
  const setTablePrefs = usePrefsStore((s) => s.setTablePrefs);
  const resetTablePrefs = usePrefsStore((s) => s.resetTablePrefs);
  const order = prefs?.order.length ? prefs.order : [...EVENT_COLUMN_IDS];
  const hidden = new Set(prefs?.hidden ?? []);
  const move = (index: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
    setTablePrefs(EVENTS_TABLE_ID, { order: next });
  };
  return (
    <details className="column-chooser">
      <summary>
        <Trans>Columns</Trans>
      </summary>
      <ul>
        {order.map((id, index) => {
          const label = eventColumnLabel(id);
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={!hidden.has(id)}
                  onChange={(e) =>
                    setTablePrefs(EVENTS_TABLE_ID, {
                      hidden: e.target.checked
                        ? [...hidden].filter((h) => h !== id)
                        : [...hidden, id],
                    })
                  }
                />{" "}
                {label}
              </label>
              <button
                type="button"
                className="icon-button"
                aria-label={t`Move ${label} earlier`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t`Move ${label} later`}
                disabled={index === order.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => resetTablePrefs(EVENTS_TABLE_ID)}>
        <Trans>Reset columns</Trans>
      </button>
    </details>
  );
}
