/**
 * What the simulated account lets a visitor change from the console in mock
 * mode. `main.tsx` receives an implementation from `mocks/browser.ts` (loaded
 * lazily, only in mock mode) and the shell shows these controls; in live mode
 * there is none.
 */
export type DemoIdentity = "admin" | "auditor";

export interface FaultSettings {
  /** Share of calls (0–1) answered with `Throttling.User`. */
  throttleRate: number;
  /** Share of calls answered with HTTP 500 `InternalError`. */
  errorRate: number;
  /** Share of calls delayed by `slowMs`. */
  slowRate: number;
  slowMs: number;
}

export const NO_FAULTS: FaultSettings = {
  throttleRate: 0,
  errorRate: 0,
  slowRate: 0,
  slowMs: 0,
};

export interface DemoAccountInfo {
  accountId: string;
  accountName: string;
  /** The management account of a resource directory may create one organization trail. */
  isManagementAccount: boolean;
  resourceDirectoryId: string;
  /** Log Service projects that exist in the simulated account. */
  slsProjects: { name: string; region: string }[];
  /** RAM roles a trail may deliver with. */
  roles: string[];
}

/**
 * What a visitor's events file may be, checked before it is parsed.
 * - maxTextBytes, 256 MiB of text once decompressed: parsed, that is already a
 *   gigabyte or more of events in the tab; a gzip bomb (1 MB that expands to
 *   1 GB) is stopped while streaming as soon as its output passes it.
 * - maxDepth, 512 levels of nested arrays and objects: ActionTrail events nest
 *   a few levels and the hostile-data corpus 200 inside event fields (both
 *   load); a 5,000-deep array is refused, as every later search would overflow
 *   the stack.
 */
export const OWN_DATA_LIMITS = {
  maxTextBytes: 256 * 1024 * 1024,
  maxDepth: 512,
} as const;

export interface OwnDataInfo {
  fileName: string;
  eventCount: number;
  regions: string[];
  /** The file's time span (UTC ISO), so the console can search exactly it. */
  firstEventTime?: string;
  lastEventTime?: string;
  /** The account the events belong to (most frequent recipientAccountId, else userIdentity.accountId). */
  accountId?: string | undefined;
  /** How many other accounts' events the file also holds (an organisation trail). */
  otherAccounts?: number;
  /** Kept in this browser (IndexedDB) until removed; false when the browser would not store it. */
  kept?: boolean;
  /** Lines or items that were not events, and why the first ones were refused. */
  rejectedCount?: number;
  rejected?: { position: number; reason: string }[];
}

export interface DemoState {
  identity: DemoIdentity;
  faults: FaultSettings;
  ownData: OwnDataInfo | undefined;
  /** Why events kept from an earlier visit could not be brought back, if they could not. */
  ownDataNotice?: string | undefined;
  /** Milliseconds per call: [min, max]. */
  latency: [number, number];
}

/** Incidents a visitor can set off in the simulated account (Settings). */
export type SimulatedIncident = "stop-trail" | "public-bucket";

export interface DemoControls {
  readonly account: DemoAccountInfo;
  getState: () => DemoState;
  subscribe: (listener: () => void) => () => void;
  setIdentity: (identity: DemoIdentity) => void;
  setFaults: (faults: FaultSettings) => void;
  /**
   * Replaces the generated events with the visitor's own (JSON array, JSON
   * Lines, or gzip of either) and keeps the file in this browser until it is
   * removed. A refused file leaves what was loaded before as it was.
   */
  loadOwnEvents: (file: Blob, fileName: string) => Promise<OwnDataInfo>;
  /** Forgets the loaded events, here and in this browser's storage. */
  clearOwnEvents: () => Promise<void> | void;
  /**
   * Makes an incident happen in the simulated account now: a trail stops
   * logging, or a bucket is made public, with the event ActionTrail records.
   * Returns what was changed.
   */
  simulateIncident: (kind: SimulatedIncident) => {
    target: string;
    eventName: string;
  };
  /** Forgets trails created or changed in this browser and the own data; the caller reloads. */
  resetDemoData: () => Promise<void> | void;
}
