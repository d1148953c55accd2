import { Trans, useLingui } from "@lingui/react/macro";
import { Dialog } from "@/components/ui/dialog";
import { useTabTrap } from "./use-tab-trap";

/** The keys, as printed on the keyboard (the same in both languages). */
function Keys({ keys }: { keys: string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <span key={key}>
          {i > 0 && " / "}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

/** The events page's shortcuts, listed in a modal dialog (Escape or Close shuts it). */
export function ShortcutsHelp({
  open,
  onClose,
}: {
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLingui();
  useTabTrap(open, "dialog.shortcuts-help[open]");
  const rows: { keys: string[]; what: string }[] = [
    {
      keys: ["/"],
      what: t`Go to the search box (Escape goes back to the results)`,
    },
    { keys: ["j"], what: t`Next row` },
    { keys: ["k"], what: t`Previous row` },
    { keys: ["o", "Enter"], what: t`Open the active row in the event pane` },
    { keys: ["Esc"], what: t`Close the event pane; focus returns to its row` },
    { keys: ["?"], what: t`Show these shortcuts` },
  ];
  return (
    <Dialog
      open={open}
      title={t`Keyboard shortcuts`}
      onClose={onClose}
      className="shortcuts-help"
      footer={
        <button type="button" onClick={onClose}>
          <Trans>Close</Trans>
        </button>
      }
    >
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">
              <Trans>Key</Trans>
            </th>
            <th scope="col">
              <Trans>Action</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.keys.join()}>
              <th scope="row">
                <Keys keys={row.keys} />
              </th>
              <td>{row.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        <Trans>
          Shortcuts do not act while you type in a field or hold Ctrl, Alt or
          Command.
        </Trans>
      </p>
    </Dialog>
  );
}
