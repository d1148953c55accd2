/**
 * The simulated account's controls as the console sees them (DemoControls):
 * who the visitor is signed in as, faults, own data, reset. The browser
 * worker and the Node tests build them the same way from an account.
 */
import type {
  DemoControls,
  DemoIdentity,
  DemoState,
  FaultSettings,
  OwnDataInfo,
} from "@/lib/demo-controls";
import type { Account, KeyValueStorage } from "./data/account";
import { parseOwnEvents } from "./data/own-data";

export const IDENTITY_KEY = "trailscope.mock.identity";

export function createDemoControls(
  account: Account,
  storage: KeyValueStorage | undefined,
): DemoControls {
  const listeners = new Set<() => void>();
  let rejected: Pick<OwnDataInfo, "rejectedCount" | "rejected"> = {};
  const snapshot = (): DemoState => ({
    identity: account.identity,
    faults: { ...account.faults },
    ownData: account.ownData ? { ...account.ownData, ...rejected } : undefined,
    latency: [...account.latency],
  });
  let state = snapshot();
  const changed = () => {
    state = snapshot();
    for (const listener of listeners) listener();
  };

  return {
    account: account.info,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIdentity(next: DemoIdentity) {
      account.identity = next;
      storage?.setItem(IDENTITY_KEY, next);
      changed();
    },
    setFaults(faults: FaultSettings) {
      account.faults = { ...faults };
      changed();
    },
    async loadOwnEvents(file: Blob, fileName: string): Promise<OwnDataInfo> {
      const parsed = await parseOwnEvents(file);
      if (!parsed.events.length) {
        const why = parsed.rejected[0]?.reason ?? "the file holds no events";
        throw new Error(
          `No event in ${fileName} could be read (${parsed.rejectedCount} rejected: ${why}).`,
        );
      }
      const info = account.loadOwnEvents(parsed.events, fileName);
      rejected = {
        rejectedCount: parsed.rejectedCount,
        rejected: parsed.rejected.slice(0, 5),
      };
      changed();
      return { ...info, ...rejected };
    },
    clearOwnEvents() {
      account.clearOwnEvents();
      rejected = {};
      changed();
    },
    resetDemoData() {
      account.resetAccount();
      account.clearOwnEvents();
      rejected = {};
      changed();
    },
  };
}
