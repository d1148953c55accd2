import { installAccount } from "@mocks/node";
import {
  NO_FAULTS,
  type DemoControls,
  type DemoIdentity,
} from "@/lib/demo-controls";
import { useSessionStore } from "@/stores/session-store";

/**
 * A fresh simulated account for a trails test, with the session the console
 * would have in mock mode (the account's buckets, projects and roles, and the
 * signed-in identity).
 */
export function setUpAccount(
  identity: DemoIdentity = "admin",
  info: Partial<DemoControls["account"]> = {},
) {
  const account = installAccount();
  account.identity = identity;
  const state = {
    identity,
    faults: NO_FAULTS,
    ownData: undefined,
    latency: [0, 0] as [number, number],
  };
  const demo: DemoControls = {
    account: { ...account.info, ...info },
    getState: () => state,
    subscribe: () => () => undefined,
    setIdentity: () => undefined,
    setFaults: () => undefined,
    loadOwnEvents: () => Promise.reject(new Error("not in tests")),
    clearOwnEvents: () => undefined,
    simulateIncident: () => {
      throw new Error("not in tests");
    },
    resetDemoData: () => undefined,
  };
  useSessionStore.setState({ mode: "mock", demo, demoState: state });
  return account;
}
