import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { SafeText } from "@/components/ui/safe-text";

export interface SaveFormValues {
  name: string;
  note: string;
  frozen: boolean;
}

interface SavedSearchDialogProps {
  /** Save the current search, or rename a saved one (name and note only). */
  mode: "save" | "rename";
  initial: SaveFormValues;
  /** The names already used (a rename's own name aside). */
  taken: readonly string[];
  /** "Last 7 days", when the search's range can stay relative. */
  relativeLabel: string | undefined;
  /** The absolute window that was read, when there is one to freeze. */
  frozenLabel: string | undefined;
  onSubmit: (values: SaveFormValues) => void;
  onClose: () => void;
}

/** Name, note and range of a saved search, in a modal dialog (the name field takes the focus). */
export function SavedSearchDialog({
  mode,
  initial,
  taken,
  relativeLabel,
  frozenLabel,
  onSubmit,
  onClose,
}: SavedSearchDialogProps) {
  const { t } = useLingui();
  const id = useId();
  const [name, setName] = useState(initial.name);
  const [note, setNote] = useState(initial.note);
  const [frozen, setFrozen] = useState(initial.frozen);
  const [replace, setReplace] = useState(false);
  const trimmed = name.trim();
  const clash = trimmed !== "" && taken.includes(trimmed);
  // A rename never replaces another saved search; a save may, when asked to.
  const blocked = trimmed === "" || (clash && (mode === "rename" || !replace));
  const title = mode === "save" ? t`Save this search` : t`Rename saved search`;
  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      className="saved-search-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (blocked) return;
          onSubmit({ name: trimmed, note, frozen });
        }}
      >
        <p>
          <label htmlFor={`${id}-name`}>
            <Trans>Name</Trans>
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            required
            aria-describedby={clash ? `${id}-clash` : undefined}
          />
        </p>
        {clash && (
          <p id={`${id}-clash`} role="alert">
            <Trans>
              A saved search is already named <SafeText value={trimmed} />.
            </Trans>{" "}
            {mode === "save" ? (
              <label>
                <input
                  type="checkbox"
                  checked={replace}
                  onChange={(e) => setReplace(e.target.checked)}
                />{" "}
                <Trans>Replace it</Trans>
              </label>
            ) : (
              <Trans>Choose another name.</Trans>
            )}
          </p>
        )}
        <p>
          <label htmlFor={`${id}-note`}>
            <Trans>Note</Trans>
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={2000}
            rows={3}
          />
        </p>
        {mode === "save" && (
          <fieldset>
            <legend>
              <Trans>Time range</Trans>
            </legend>
            {relativeLabel !== undefined && (
              <label>
                <input
                  type="radio"
                  name={`${id}-range`}
                  checked={!frozen}
                  onChange={() => setFrozen(false)}
                />{" "}
                <Trans>Keep relative: {relativeLabel}</Trans>
              </label>
            )}
            {frozenLabel !== undefined && (
              <label>
                <input
                  type="radio"
                  name={`${id}-range`}
                  checked={frozen || relativeLabel === undefined}
                  onChange={() => setFrozen(true)}
                />{" "}
                <Trans>Freeze the window read: {frozenLabel}</Trans>
              </label>
            )}
          </fieldset>
        )}
        <div className="dialog-footer">
          <button type="submit" disabled={blocked}>
            {mode === "save" ? (
              clash ? (
                <Trans>Replace</Trans>
              ) : (
                <Trans>Save</Trans>
              )
            ) : (
              <Trans>Rename</Trans>
            )}
          </button>
          <button type="button" onClick={onClose}>
            <Trans>Cancel</Trans>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
