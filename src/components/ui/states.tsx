import { useLingui } from "@lingui/react/macro";
interface StateProps {
  title: string;
  children?: React.ReactNode;
}

/** Nothing to show, and what to do about it. */
export function EmptyState({ title, children }: StateProps) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Loading, announced politely to screen readers. */
export function LoadingState({ title, children }: Partial<StateProps>) {
  const { t } = useLingui();
  return (
    <div className="loading-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{title ?? t`Loading…`}</span>
      {children}
    </div>
  );
}
