import { useLingui } from "@lingui/react/macro";
import { describeError, isApiError } from "@/api/errors";
import { CopyButton } from "./copy-button";
import { SafeText } from "./safe-text";

interface ErrorPanelProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Advice for what the user can change. */
  hint?: React.ReactNode;
  compact?: boolean;
}

/** The service's own field name, shown as it is in the API. */
const REQUEST_ID = "RequestId";

/** An API failure as a person needs it: what failed, the service's Code, Message and RequestId (copyable), and a retry. */
export function ErrorPanel({
  error,
  title,
  onRetry,
  hint,
  compact,
}: ErrorPanelProps) {
  const { t } = useLingui();
  const info = describeError(error);
  // The service's Code, Message and RequestId stay as sent (they are
  // evidence); Trailscope's own words around them are translated.
  const action = isApiError(error) ? error.action : undefined;
  const ownTitle = action ? t`${action} failed` : t`Something went wrong`;
  return (
    <div
      role="alert"
      className={compact ? "error-panel compact" : "error-panel"}
    >
      <p className="error-title">{title ?? ownTitle}</p>
      <p className="error-message">
        <code className="error-code">
          <SafeText value={info.code} maxLength={120} />
        </code>{" "}
        <SafeText value={info.message} maxLength={2000} />
      </p>
      {hint && <div className="error-hint">{hint}</div>}
      <div className="error-actions">
        {info.requestId && (
          <span className="request-id">
            {`${REQUEST_ID} `}
            <code>{info.requestId}</code>{" "}
            <CopyButton value={info.requestId} label={t`Copy request ID`} />
          </span>
        )}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            {t`Retry`}
          </button>
        )}
      </div>
    </div>
  );
}
