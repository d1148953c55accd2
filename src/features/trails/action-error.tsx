import { useLingui } from "@lingui/react/macro";
import { isApiError } from "@/api/errors";
import { ErrorPanel } from "@/components/ui/error-panel";

interface ActionErrorProps {
  error: unknown;
  title: string;
  onDismiss?: () => void;
}

/** A refused write, with the service's Code, Message and RequestId, and what a permission refusal means. */
export function ActionError({ error, title, onDismiss }: ActionErrorProps) {
  const { t } = useLingui();
  const denied = isApiError(error) && error.isPermissionDenied;
  const action = isApiError(error) ? error.action : t`change trails`;
  return (
    <div className="action-error">
      <ErrorPanel
        error={error}
        title={title}
        hint={
          denied ? (
            <p>
              {t`NoPermission: RAM does not allow your identity to ${action}. Nothing was changed. Ask an administrator to grant the ActionTrail permission, or sign in with an identity that has it.`}
            </p>
          ) : undefined
        }
      />
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t`Dismiss`}
        </button>
      )}
    </div>
  );
}
