import { Component, type ErrorInfo, type ReactNode } from "react";
import { useLingui } from "@lingui/react/macro";
import { ErrorPanel } from "./error-panel";

interface Props {
  children: ReactNode;
  /** Names the panel in the message: "The chart could not be shown". */
  label?: string;
  /** Changing it clears the error (for example the route or the query). */
  resetKey?: unknown;
}

interface State {
  error: unknown;
  resetKey: unknown;
}

/** One failing panel never blanks the page: it shows its error and a retry. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: Props,
    state: State,
  ): Partial<State> | null {
    return props.resetKey !== state.resetKey
      ? { error: undefined, resetKey: props.resetKey }
      : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("Trailscope panel failed", error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined) {
      return (
        <BoundaryFallback
          error={this.state.error}
          label={this.props.label}
          onRetry={() => this.setState({ error: undefined })}
        />
      );
    }
    return this.props.children;
  }
}

function BoundaryFallback({
  error,
  label,
  onRetry,
}: {
  error: unknown;
  label: string | undefined;
  onRetry: () => void;
}) {
  const { t } = useLingui();
  return (
    <ErrorPanel
      error={error}
      title={
        label
          ? t`${label} could not be shown`
          : t`This part of the page could not be shown`
      }
      onRetry={onRetry}
    />
  );
}
