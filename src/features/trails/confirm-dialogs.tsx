import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { SafeText } from "@/components/ui/safe-text";

interface StopLoggingDialogProps {
  open: boolean;
  trailName: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Stopping a trail stops delivery: say so before doing it. */
export function StopLoggingDialog({
  open,
  trailName,
  onConfirm,
  onClose,
}: StopLoggingDialogProps) {
  const { t } = useLingui();
  return (
    <Dialog
      open={open}
      title={t`Stop logging?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t`Keep logging`}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {t`Stop logging`}
          </button>
        </>
      }
    >
      <p>
        <Trans>
          Trail{" "}
          <strong>
            <SafeText value={trailName} />
          </strong>{" "}
          will stop delivering events. Events that happen while it is stopped
          are not delivered to its OSS bucket, Log Service logstore or
          MaxCompute project, even after you start it again.
        </Trans>
      </p>
    </Dialog>
  );
}

interface DeleteTrailDialogProps {
  open: boolean;
  trailName: string;
  /** It is the only trail logging where it records: deleting it leaves a gap. */
  onlyLoggingTrail: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Deleting needs the trail's name typed, and warns when nothing else would be logging. */
export function DeleteTrailDialog({
  open,
  trailName,
  onlyLoggingTrail,
  onConfirm,
  onClose,
}: DeleteTrailDialogProps) {
  const { t } = useLingui();
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const matches = typed === trailName;
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Dialog
      open={open}
      title={t`Delete trail?`}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>
            {t`Cancel`}
          </button>
          <button
            type="submit"
            form={`${inputId}-form`}
            className="danger"
            aria-disabled={!matches || undefined}
          >
            {t`Delete trail`}
          </button>
        </>
      }
    >
      <form
        id={`${inputId}-form`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches) return;
          setTyped("");
          onConfirm();
        }}
      >
        <p>
          <Trans>
            Deleting{" "}
            <strong>
              <SafeText value={trailName} />
            </strong>{" "}
            stops its deliveries for good. Files already delivered stay in OSS,
            Log Service and MaxCompute.
          </Trans>
        </p>
        {onlyLoggingTrail && (
          <p className="warning-text" role="alert">
            {t`This is the only trail that is logging: after deleting it, no trail delivers the events it records.`}
          </p>
        )}
        <label htmlFor={inputId}>
          <Trans>
            Type the trail name <code>{trailName}</code> to confirm
          </Trans>
        </label>
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}

          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
    </Dialog>
  );
}
