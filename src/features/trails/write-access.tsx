import { useFormat } from "@/components/i18n/use-format";
import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { useCanWrite } from "@/stores/session-store";

/**
 * Whether this screen offers write actions. A read-only identity sees them
 * unavailable with the reason, and may still "try anyway" to hear the
 * service's own refusal.
 */
export function useWriteAccess() {
  const { canWrite, reason } = useCanWrite();
  const [forced, setForced] = useState(false);
  const reasonId = useId();
  return {
    /** Write buttons work (the identity may write, or the user chose to try anyway). */
    enabled: canWrite || forced,
    readOnly: !canWrite,
    forced,
    reason,
    reasonId,
    force: () => setForced(true),
  };
}

export type WriteAccess = ReturnType<typeof useWriteAccess>;

/** The visible reason why write actions are unavailable, with a way to try anyway. */
export function ReadOnlyNotice({ access }: { access: WriteAccess }) {
  const { t } = useLingui();
  const { gap } = useFormat();
  if (!access.readOnly) return null;
  return (
    <div className="read-only-notice" role="note">
      <p id={access.reasonId}>
        <strong>{t`Write actions unavailable.`}</strong>
        {gap}
        {access.reason}
      </p>
      {access.forced ? (
        <p>
          {t`Trying anyway: the service decides, and will say why if it refuses.`}
        </p>
      ) : (
        <button type="button" className="link-button" onClick={access.force}>
          {t`Try anyway`}
        </button>
      )}
    </div>
  );
}

interface WriteButtonProps extends Omit<
  React.ButtonHTMLAttributes<HTMLButtonElement>,
  "onClick"
> {
  access: WriteAccess;
  onClick: () => void;
}

/** A button for a write action: unavailable (aria-disabled, pointing at the reason) for read-only identities. */
export function WriteButton({
  access,
  onClick,
  className,
  children,
  ...rest
}: WriteButtonProps) {
  const unavailable = !access.enabled;
  return (
    <button
      type="button"
      {...rest}
      className={className}
      aria-disabled={unavailable || undefined}
      aria-describedby={unavailable ? access.reasonId : undefined}
      onClick={unavailable ? undefined : onClick}
    >
      {children}
    </button>
  );
}
