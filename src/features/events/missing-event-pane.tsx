import { Trans, useLingui } from "@lingui/react/macro";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";

interface MissingEventPaneProps {
  /** The look-up of the open event by ID, when it is not among the loaded events. */
  detail: {
    isFetching: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => Promise<unknown>;
  };
  /** The search has answered, so "not loaded" is known. */
  searched: boolean;
  onClose: () => void;
}

/** The View event pane while the open event is being looked up, failed, or is not loaded. */
export function MissingEventPane({
  detail,
  searched,
  onClose,
}: MissingEventPaneProps) {
  const { t } = useLingui();
  return (
    <aside className="event-pane" aria-label={t`Event details`}>
      {detail.isFetching ? (
        <LoadingState title={t`Looking up the event…`} />
      ) : detail.isError ? (
        <ErrorPanel
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : searched ? (
        <EmptyState title={t`This event is not among the loaded events.`}>
          <button type="button" onClick={onClose}>
            <Trans>Close</Trans>
          </button>
        </EmptyState>
      ) : null}
    </aside>
  );
}
