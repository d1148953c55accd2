import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { useEffect, useId, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import type { TimeWindow } from "@/api/time-window";
import { useFormat } from "@/components/i18n/use-format";
import { usePrefsStore } from "@/stores/prefs-store";
import {
  useSavedSearchesStore,
  type SavedSearch,
} from "@/stores/saved-searches-store";
import { EVENTS_TABLE_ID } from "./use-events-table-model";
import type { EventSearch } from "./filters";
import { SavedSearchDialog, type SaveFormValues } from "./saved-search-dialog";
import { SavedSearchItem } from "./saved-search-item";
import {
  toSavedSearch,
  useLinkedColumns,
  visibleColumns,
} from "./saved-search-link";
import { SavedSearchesTransfer } from "./saved-searches-transfer";
import { SearchAsQuery } from "./search-as-query";
import { StarterSearchesList } from "./starter-searches-list";
import { presetLabel } from "./time-range";
import "./saved-searches.css";

interface SavedSearchesMenuProps {
  search: EventSearch;
  region: string;
  window: TimeWindow | undefined;
  loaded: readonly AuditEvent[];
}

type Editing = { mode: "save" } | { mode: "rename"; saved: SavedSearch };

/**
 * "Saved searches" beside the search: save this search, open, link, rename
 * or delete a saved one, export and import them, open a starter search, and
 * this search as SQL or a Log Service query. A disclosure panel; Escape
 * closes it and gives the focus back to its button.
 */
export function SavedSearchesMenu({
  search,
  region,
  window,
  loaded,
}: SavedSearchesMenuProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState("");
  const searches = useSavedSearchesStore((s) => s.searches);
  const dropped = useSavedSearchesStore((s) => s.dropped);
  const store = useSavedSearchesStore.getState;
  const tablePrefs = usePrefsStore((s) => s.tables[EVENTS_TABLE_ID]);
  useLinkedColumns();
  const panelRef = useRef<HTMLDivElement>(null);

  // Escape closes the panel (not while its dialog is open: that one closes first).
  useEffect(() => {
    const panel = panelRef.current;
    if (!open || editing || !panel) return;
    const handleKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    panel.addEventListener("keydown", handleKey);
    return () => panel.removeEventListener("keydown", handleKey);
  }, [open, editing]);

  const openEvent = search.eventId
    ? loaded.find((e) => e.id === search.eventId)
    : undefined;
  const absolute = search.from !== undefined && search.to !== undefined;
  const count = searches.length;

  const handleSubmit = (values: SaveFormValues) => {
    const name = values.name;
    if (editing?.mode === "rename") {
      if (store().rename(editing.saved.name, values.name, values.note))
        setStatus(t`Saved search renamed to ${name}.`);
    } else {
      store().save(
        toSavedSearch({
          ...values,
          search,
          region,
          window,
          columns: visibleColumns(tablePrefs),
          now: Date.now(),
        }),
      );
      setStatus(t`Search saved as ${name}.`);
      setOpen(true);
    }
    setEditing(undefined);
  };

  return (
    <div className="saved-searches-menu">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t`Saved searches (${count})`}
      </button>
      <div
        id={panelId}
        className="saved-searches-panel toolbar-popover"
        hidden={!open}
        role="region"
        aria-label={t`Saved searches`}
        ref={panelRef}
      >
        <button type="button" onClick={() => setEditing({ mode: "save" })}>
          {t`Save this search…`}
        </button>
        <p role="status" aria-live="polite" className="muted">
          {status}
        </p>
        {dropped > 0 && (
          <p className="notice">
            {plural(dropped, {
              one: "# saved search stored in this browser could not be read and was left out.",
              other:
                "# saved searches stored in this browser could not be read and were left out.",
            })}{" "}
            <button type="button" onClick={() => store().dismissDropped()}>
              {t`Dismiss`}
            </button>
          </p>
        )}
        {count === 0 ? (
          <p className="muted">{t`No saved searches yet.`}</p>
        ) : (
          <ul className="saved-search-list" aria-label={t`Your saved searches`}>
            {searches.map((saved) => (
              <SavedSearchItem
                key={saved.name}
                saved={saved}
                onOpen={() => setOpen(false)}
                onRename={() => setEditing({ mode: "rename", saved })}
                onDelete={() => {
                  const name = saved.name;
                  store().remove(name);
                  setStatus(t`Deleted ${name}.`);
                  buttonRef.current?.focus();
                }}
              />
            ))}
          </ul>
        )}
        <SavedSearchesTransfer />
        <StarterSearchesList
          region={region}
          openEvent={openEvent}
          onOpen={() => setOpen(false)}
        />
        <SearchAsQuery
          search={search}
          region={region}
          window={window}
          onOpen={() => setOpen(false)}
        />
      </div>
      {editing && (
        <SavedSearchDialog
          mode={editing.mode}
          initial={
            editing.mode === "rename"
              ? {
                  name: editing.saved.name,
                  note: editing.saved.note,
                  frozen: false,
                }
              : { name: "", note: "", frozen: absolute }
          }
          taken={searches
            .map((s) => s.name)
            .filter((n) => editing.mode === "save" || n !== editing.saved.name)}
          relativeLabel={absolute ? undefined : presetLabel(search.range)}
          frozenLabel={
            absolute
              ? `${timeWithZone(Date.parse(search.from ?? ""))} – ${timeWithZone(Date.parse(search.to ?? ""))}`
              : window
                ? `${timeWithZone(window.startMs)} – ${timeWithZone(window.endMs)}`
                : undefined
          }
          onSubmit={handleSubmit}
          onClose={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}
