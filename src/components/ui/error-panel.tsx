import { describeError } from "@/api/errors";
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

/** An API failure as a person needs it: what failed, the service's Code, Message and RequestId (copyable), and a retry. */
export function ErrorPanel({
  error,
  title,
  onRetry,
  hint,
  compact,
}: ErrorPanelProps) {
  const info = describeError(error);
  return (
    <div
      role="alert"
      className={compact ? "error-panel compact" : "error-panel"}
    >
      <p className="error-title">{title ?? info.title}</p>
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
            RequestId <code>{info.requestId}</code>{" "}
            <CopyButton value={info.requestId} label="Copy request ID" />
          </span>
        )}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    </div>
  );
}
