import { t } from "@lingui/core/macro";
import { create } from "zustand";
import type { GatewayInfo } from "@/api/client";
import type { DemoControls, DemoState } from "@/lib/demo-controls";

export type ApiMode = "mock" | "live";

interface SessionState {
  mode: ApiMode;
  /** Present in mock mode: the simulated account's controls. */
  demo: DemoControls | undefined;
  demoState: DemoState | undefined;
  /** Present in live mode when the signing gateway says who we are. */
  gateway?: GatewayInfo | undefined;
}

/** Which API the console talks to and, in mock mode, the simulated account's state. */
export const useSessionStore = create<SessionState>()(() => ({
  mode: "mock",
  demo: undefined,
  demoState: undefined,
}));

export function initSession(
  mode: ApiMode,
  demo?: DemoControls,
  gateway?: GatewayInfo,
): void {
  useSessionStore.setState({
    mode,
    demo,
    demoState: demo?.getState(),
    gateway,
  });
  demo?.subscribe(() =>
    useSessionStore.setState({ demoState: demo.getState() }),
  );
}

/**
 * Whether the signed-in identity may change the account. In mock mode the
 * simulated identity says so; in live mode we learn it only when the service
 * answers `NoPermission`, so writes stay offered.
 */
export function useCanWrite(): { canWrite: boolean; reason: string } {
  const identity = useSessionStore((s) => s.demoState?.identity);
  const gatewayReadOnly = useSessionStore((s) => s.gateway?.readOnly);
  if (gatewayReadOnly) {
    return {
      canWrite: false,
      reason: t`The gateway is read-only: it refuses every ActionTrail write action.`,
    };
  }
  if (identity === "auditor") {
    return {
      canWrite: false,
      reason: t`You are signed in as auditor (read-only): RAM denies ActionTrail write actions.`,
    };
  }
  return { canWrite: true, reason: "" };
}
