import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { usePrefsStore } from "@/stores/prefs-store";
import { EVENT_COLUMN_IDS, eventColumnLabel } from "./columns";
import { EVENTS_TABLE_ID } from "./use-events-table-model";
import {
  collectFieldPaths,
  fieldColumnId,
  fieldPathOf,
  isFieldColumn,
} from "./field-paths";
import "./columns-pin.css";

/** How many matching fields are listed at once; the filter narrows the rest. */
const LIST_CAP = 100;

/**
 * Which columns show, in what order, and which fields of the event are added
 * as columns (any field, nested ones included); remembered in prefs.
 */
export function ColumnChooser({
  events = [],
}: {
  /** The loaded events, whose field paths are offered. */
  events?: readonly AuditEvent[];
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const filterId = useId();
  const filterRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const prefs = usePrefsStore((s) => s.tables[EVENTS_TABLE_ID]);
  const setTablePrefs = usePrefsStore((s) => s.setTablePrefs);
  const resetTablePrefs = usePrefsStore((s) => s.resetTablePrefs);
  const saved = prefs?.order.length ? prefs.order : [...EVENT_COLUMN_IDS];
  // A default column missing from an old saved order still shows, at the end.
  const order = [
    ...saved,
    ...EVENT_COLUMN_IDS.filter((id) => !saved.includes(id)),
  ];
  const hidden = new Set(prefs?.hidden ?? []);
  const added = order.filter(isFieldColumn).map(fieldPathOf);

  // Read the events' fields only while the chooser is open.
  const offered = useMemo(
    () => (open ? collectFieldPaths(events) : []),
    [open, events],
  );
  const all = [...offered, ...added.filter((p) => !offered.includes(p))];
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? all.filter((p) => p.toLowerCase().includes(needle))
    : all;
  const listed = matching.slice(0, LIST_CAP);
  const typed = filter.trim();
  const listedCount = number(listed.length);
  const matchCount = number(matching.length);
  const canAddTyped = typed.length > 0 && !all.includes(typed);

  // A moved column keeps the focus on its buttons (the other one at either end).
  const moveButtons = useRef(new Map<string, HTMLButtonElement>());
  const [moved, setMoved] = useState<{ id: string; by: number } | null>(null);
  useEffect(() => {
    if (!moved) return;
    const { id, by } = moved;
    const same = moveButtons.current.get(`${by}|${id}`);
    const other = moveButtons.current.get(`${-by}|${id}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [moved]);
  const move = (index: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
    setTablePrefs(EVENTS_TABLE_ID, { order: next });
    setMoved({ id: item, by });
  };
  const buttonRef = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) moveButtons.current.set(key, el);
    else moveButtons.current.delete(key);
  };
  const addField = (path: string) =>
    setTablePrefs(EVENTS_TABLE_ID, { order: [...order, fieldColumnId(path)] });
  const removeField = (path: string) => {
    const id = fieldColumnId(path);
    const widths = { ...(prefs?.widths ?? {}) };
    delete widths[id];
    setTablePrefs(EVENTS_TABLE_ID, {
      order: order.filter((o) => o !== id),
      hidden: [...hidden].filter((h) => h !== id),
      widths,
    });
  };

  return (
    <details
      className="column-chooser"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <Trans>Columns</Trans>
      </summary>
      <div className="column-chooser-panel toolbar-popover">
        <ul className="column-chooser-shown" aria-label={t`Columns, in order`}>
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
                  {isFieldColumn(id) ? (
                    <code>
                      <SafeText value={label} maxLength={60} />
                    </code>
                  ) : (
                    label
                  )}
                </label>
                <button
                  type="button"
                  className="icon-button"
                  ref={buttonRef(`-1|${id}`)}
                  aria-label={t`Move ${label} left`}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="icon-button"
                  ref={buttonRef(`1|${id}`)}
                  aria-label={t`Move ${label} right`}
                  disabled={index === order.length - 1}
                  onClick={() => move(index, 1)}
                >
                  →
                </button>
              </li>
            );
          })}
        </ul>
        <div>
          <label htmlFor={filterId}>
            <Trans>Add a field of the event</Trans>
          </label>{" "}
          <input
            ref={filterRef}
            id={filterId}
            type="search"
            value={filter}
            placeholder={t`for example userIdentity.accessKeyId`}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              if (canAddTyped) addField(typed);
            }}
          />
          {canAddTyped && (
            <button type="button" onClick={() => addField(typed)}>
              <Trans>
                Add <SafeText value={typed} maxLength={60} /> as a column
              </Trans>
            </button>
          )}
          <p className="muted small">
            {matching.length > listed.length
              ? t`Showing ${listedCount} of ${matchCount} fields; type to narrow.`
              : t`${matchCount} fields, from ActionTrail and the loaded events.`}
          </p>
          <ul className="column-chooser-fields" aria-label={t`Event fields`}>
            {listed.map((path) => {
              const isAdded = added.includes(path);
              return (
                <li key={path}>
                  <label>
                    <input
                      type="checkbox"
                      checked={isAdded}
                      onChange={() =>
                        isAdded ? removeField(path) : addField(path)
                      }
                    />{" "}
                    <code>
                      <SafeText value={path} maxLength={80} />
                    </code>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
        <button
          type="button"
          onClick={() => {
            resetTablePrefs(EVENTS_TABLE_ID);
            setFilter("");
            filterRef.current?.focus();
          }}
        >
          <Trans>Reset columns</Trans>
        </button>
      </div>
    </details>
  );
}
