import { Trans, useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useRulesStore } from "@/stores/rules-store";

/** Removes one of the user's rules after asking. */
export function RemoveRuleButton({ id, title }: { id: string; title: string }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const removeRule = useRulesStore((s) => s.removeRule);
  return (
    <>
      <button
        type="button"
        aria-label={t`Remove ${title}`}
        onClick={() => setOpen(true)}
      >
        <Trans>Remove</Trans>
      </button>
      <Dialog
        open={open}
        title={t`Remove this rule?`}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" onClick={() => setOpen(false)}>
              <Trans>Cancel</Trans>
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setOpen(false);
                removeRule(id);
              }}
            >
              <Trans>Remove rule</Trans>
            </button>
          </>
        }
      >
        <p>
          <Trans>
            “{title}” is removed from this browser. Export it first if you may
            want it back.
          </Trans>
        </p>
      </Dialog>
    </>
  );
}
