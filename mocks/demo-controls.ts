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
import {
  accountOfEvents,
  parseOwnEvents,
  type OwnDataParseResult,
} from "./data/own-data";
import type { OwnDataStore } from "./data/own-data-store";
import { simulateIncident } from "./data/simulated-incidents";

export const IDENTITY_KEY = "trailscope.mock.identity";

/** DemoControls, plus bringing back the events file kept from an earlier visit (the browser calls it before the first render). */
export interface BrowserDemoControls extends DemoControls {
  restoreOwnEvents: () => Promise<void>;
}

export function createDemoControls(
  account: Account,
  storage: KeyValueStorage | undefined,
  ownStore?: OwnDataStore,
): BrowserDemoControls {
  const listeners = new Set<() => void>();
  /** What the controls know about the loaded file beyond the account's own summary. */
  let extra: Partial<OwnDataInfo> = {};
  let ownDataNotice: string | undefined;
  const snapshot = (): DemoState => ({
    identity: account.identity,
    faults: { ...account.faults },
    ownData: account.ownData ? { ...account.ownData, ...extra } : undefined,
    ownDataNotice,
    latency: [...account.latency],
  });
  let state = snapshot();
  const changed = () => {
    state = snapshot();
    for (const listener of listeners) listener();
  };

  /** Puts parsed events in place of the current ones (a refused file never gets here). */
  const install = (
    parsed: OwnDataParseResult,
    fileName: string,
    kept: boolean,
  ): OwnDataInfo => {
    const info = account.loadOwnEvents(parsed.events, fileName);
    const owner = accountOfEvents(parsed.events);
    extra = {
      accountId: owner.accountId,
      otherAccounts: owner.otherAccounts,
      kept,
      rejectedCount: parsed.rejectedCount,
      rejected: parsed.rejected.slice(0, 5),
    };
    ownDataNotice = undefined;
    changed();
    return { ...info, ...extra };
  };

  const forget = async () => {
    account.clearOwnEvents();
    extra = {};
    ownDataNotice = undefined;
    changed();
    await ownStore?.remove();
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
      let kept = false;
      if (ownStore) {
        try {
          await ownStore.write({ fileName, bytes: file, savedAt: Date.now() });
          kept = true;
        } catch (error) {
          // Quota or a private mode: shown as not kept, and an older kept file
          // must not come back on the next load in place of this one.
          console.warn("[mock] the events file could not be kept", error);
          await ownStore.remove().catch(() => undefined);
        }
      }
      return install(parsed, fileName, kept);
    },
    async restoreOwnEvents() {
      if (!ownStore) return;
      let stored;
      try {
        stored = await ownStore.read();
      } catch (error) {
        console.warn("[mock] kept events could not be read", error);
        ownDataNotice = `The events file kept in this browser could not be read (${(error as Error).message}).`;
        changed();
        return;
      }
      if (!stored) return;
      try {
        const parsed = await parseOwnEvents(stored.bytes);
        if (!parsed.events.length) throw new Error("it holds no events");
        install(parsed, stored.fileName, true);
      } catch (error) {
        // Kept by an earlier version that accepted it: say so and let it go.
        await ownStore.remove().catch(() => undefined);
        ownDataNotice = `The events file ${stored.fileName} kept in this browser can no longer be read and was removed: ${(error as Error).message}`;
        changed();
      }
    },
    simulateIncident(kind) {
      const result = simulateIncident(account, kind);
      changed();
      return result;
    },
    clearOwnEvents: forget,
    async resetDemoData() {
      account.resetAccount();
      await forget();
    },
  };
}
