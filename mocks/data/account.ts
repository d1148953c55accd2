/**
 * Trailscope's simulated ActionTrail account: `createAccount()` builds the
 * whole world from a seed, an anchor and a `now` — organisation, resources,
 * trails, the 90 days of events (generated per region on first use) and the
 * incidents. Everything mutable lives on the returned object; nothing is
 * global.
 *
 * One account, every time: the events of any fixed hour are a pure function
 * of (seed, hour), and the incidents and starting trails sit at fixed times
 * relative to the anchor (the account's creation), so opening the account
 * later shows the same past plus what happened since. A browser keeps the
 * seed and anchor (with the trails and the console's own recorded calls) in
 * storage until "Reset demo data".
 */
import type { AuditEvent } from "@/api/schemas/event";
import type {
  DemoAccountInfo,
  DemoIdentity,
  FaultSettings,
  OwnDataInfo,
} from "@/lib/demo-controls";
import { NO_FAULTS } from "@/lib/demo-controls";
import type { ResourcePools } from "./catalog";
import {
  isoSeconds,
  specialEventId,
  type FactoryContext,
} from "./event-factory";
import { CombinedStore } from "./combined-store";
import { GeneratedStore, OwnStore, type EventStore } from "./event-store";
import {
  extendPlan,
  generateRegion,
  makePlan,
  specialsOf,
  type GenerationPlan,
  type SpecialEvent,
} from "./generator";
import { incidentEvents } from "./incidents";
import { parseRecorded, type RecordedEvent } from "./recorded-events";
import { SlidingRateLimiter } from "./rate-limit";
import { buildInsights, type InsightWire } from "./insights";
import { ACCOUNT_ID, ACCOUNT_NAME, RESOURCE_DIRECTORY_ID } from "./people";
import { derive, hashString, mulberry32, uuidFrom } from "./prng";
import { buildPools, RAM_ROLES, SLS_PROJECTS } from "./resources";
import { DEFAULT_REGION, isRegionId, REGION_IDS } from "./regions";
import {
  initialTrails,
  trailHistoryEvents,
  type TrailRecord,
} from "./trail-state";

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AccountOptions {
  seed: number;
  /** Epoch ms the dataset ends at (default: the clock, floored to the minute). */
  now: number;
  /**
   * Epoch ms the account was created (default: `now`). The incidents and the
   * starting trails are placed relative to it, so they stay put as `now` moves.
   */
  anchor: number;
  /** 1 = about 330,000 events over 90 days; 0.01 is a small test account. */
  scale: number;
  /** Milliseconds per answer: [min, max]. */
  latency: [number, number];
  /** Where trail changes persist (a browser passes localStorage). */
  storage: KeyValueStorage | undefined;
  /** A visitor's own events, replacing the generated ones. */
  ownEvents: readonly AuditEvent[] | undefined;
  ownFileName: string;
  /** Real time, for rate limits and for how far the account's clock has moved since `now`. */
  clock: () => number;
  identity: DemoIdentity;
  faults: FaultSettings;
  /** Per-action per-second limits of the contract (on by default). */
  rateLimits: boolean;
}

/** Where a browser keeps the trails and the console's recorded calls (for one seed and anchor). */
export const TRAILS_STORAGE_KEY = "trailscope.mock.trails.v2";
/** Where a browser keeps which account it opened: `{ seed, anchor }`, fixed on first open. */
export const ACCOUNT_STORAGE_KEY = "trailscope.mock.account.v1";
export const DEFAULT_SEED = 20261123;

interface StoredAccount {
  seed: number;
  anchor: number;
}

function readStoredAccount(
  storage: KeyValueStorage | undefined,
): StoredAccount | undefined {
  try {
    const parsed = JSON.parse(
      storage?.getItem(ACCOUNT_STORAGE_KEY) ?? "null",
    ) as Partial<StoredAccount> | null;
    if (
      parsed &&
      Number.isInteger(parsed.seed) &&
      Number.isFinite(parsed.anchor)
    )
      return { seed: parsed.seed!, anchor: parsed.anchor! };
  } catch {
    // A damaged entry is ignored: a new account is fixed.
  }
  return undefined;
}

export const floorToMinute = (ms: number): number =>
  Math.floor(ms / 60_000) * 60_000;

export interface Account {
  readonly seed: number;
  readonly now: number;
  /** When the account was created (epoch ms): the incidents and starting trails are placed relative to it. */
  readonly anchor: number;
  readonly scale: number;
  readonly info: DemoAccountInfo;
  /** The current generation plan (extended as the account's clock passes its end). */
  readonly plan: GenerationPlan;
  readonly factory: FactoryContext;
  identity: DemoIdentity;
  faults: FaultSettings;
  latency: [number, number];
  rateLimits: boolean;
  /** Regions whose every call is answered with HTTP 503 ServiceUnavailable (a regional outage). */
  failRegions?: readonly string[] | undefined;
  /** Trails by name (names are unique in the account). */
  readonly trails: Map<string, TrailRecord>;
  /** The incident events, as woven into the dataset. */
  readonly specials: readonly SpecialEvent[];
  /** The account's current time: `now` plus the real time elapsed since creation. */
  currentTime(): number;
  /** The events of a region (generated on first use). */
  store(region: string): EventStore;
  /** Whether a region's events have been generated yet. */
  isGenerated(region: string): boolean;
  /**
   * The region's events of the 90 days before `store`'s: what LookupEvents
   * no longer answers but a trail delivered to its bucket (generated on
   * first use, with their own IDs). Only times before `plan.baseMs` count.
   */
  historyStore(region: string): EventStore;
  pools(region: string): ResourcePools;
  /** The event ID of an incident event by its tag (`b-stop`). */
  incidentEventId(tag: string): string | undefined;
  insights(region: string): readonly InsightWire[];
  readonly ownData: OwnDataInfo | undefined;
  loadOwnEvents(events: readonly AuditEvent[], fileName: string): OwnDataInfo;
  clearOwnEvents(): void;
  saveTrails(): void;
  /** Forgets stored trail changes (and recorded calls) and returns to the initial trails. */
  resetTrails(): void;
  /**
   * "Reset demo data": forgets the trails and recorded calls and fixes a new
   * seed and anchor in storage. This account keeps answering with the old
   * seed; the console reloads to open the new one.
   */
  resetAccount(): void;
  /** The events ActionTrail recorded for calls made in this console (persisted with the trails). */
  readonly recorded: readonly RecordedEvent[];
  /** Records an event of a call made to the account (it is found by LookupEvents at once). */
  recordEvent(event: RecordedEvent): void;
  /**
   * Counts a call against its per-second limit (any 1000 ms), at the time it
   * was sent when the request says (see mocks/sent-at.ts); false when over it.
   */
  takeRateLimit(action: string, perSecond: number, sentAt?: number): boolean;
  random(): number;
  newRequestId(): string;
}

export function createAccount(options: Partial<AccountOptions> = {}): Account {
  const clock = options.clock ?? Date.now;
  const createdAt = clock();
  const storage = options.storage;
  const now = floorToMinute(options.now ?? createdAt);
  // A browser's account is the one it first opened; explicit options (tests) win.
  const stored = readStoredAccount(storage);
  const seed = options.seed ?? stored?.seed ?? DEFAULT_SEED;
  const anchor = floorToMinute(
    options.anchor ??
      (stored && stored.seed === seed ? stored.anchor : undefined) ??
      now,
  );
  if (storage && (!stored || stored.seed !== seed || stored.anchor !== anchor))
    storage.setItem(ACCOUNT_STORAGE_KEY, JSON.stringify({ seed, anchor }));
  const scale = options.scale ?? 1;
  let plan = makePlan(seed, now, scale);
  const poolCache = new Map<string, ResourcePools>();
  const pools = (region: string): ResourcePools => {
    let p = poolCache.get(region);
    if (!p) {
      p = buildPools(seed, region);
      poolCache.set(region, p);
    }
    return p;
  };
  const factory: FactoryContext = {
    seed,
    accountId: ACCOUNT_ID,
    baseSec: Math.floor(plan.baseMs / 1000),
    anchorSec: Math.floor(anchor / 1000),
    idSalt: derive(seed, 0x5eed),
    pools,
  };
  const specials = incidentEvents(anchor);
  // Woven in with the incidents: the calls that made the starting trails what they are.
  const woven = [...specials, ...trailHistoryEvents(anchor)];
  const generated = new Map<string, GeneratedStore>();
  const history = new Map<string, GeneratedStore>();
  let own: { stores: Map<string, OwnStore>; info: OwnDataInfo } | undefined;
  const random = mulberry32(derive(seed, 99));
  const limiter = new SlidingRateLimiter(clock);
  const currentTime = () => now + Math.max(0, clock() - createdAt);

  const incidentIds = new Map<string, string>();
  for (const region of REGION_IDS) {
    specialsOf(plan, region, woven).forEach((special, index) => {
      incidentIds.set(
        special.tag,
        specialEventId(factory, region, index, special),
      );
    });
  }
  const insightsByRegion = new Map<string, InsightWire[]>();
  for (const insight of buildInsights(
    now,
    specials,
    (tag) => incidentIds.get(tag),
    seed,
  )) {
    const list = insightsByRegion.get(insight.acsRegion) ?? [];
    list.push(insight);
    insightsByRegion.set(insight.acsRegion, list);
  }
  for (const list of insightsByRegion.values())
    list.sort((a, b) => a.eventTime.localeCompare(b.eventTime));

  let recorded: RecordedEvent[] = [];
  const loadTrails = (): Map<string, TrailRecord> => {
    const saved = storage?.getItem(TRAILS_STORAGE_KEY);
    if (saved) {
      try {
        const parsed = JSON.parse(saved) as {
          seed?: number;
          anchor?: number;
          trails?: TrailRecord[];
          recorded?: unknown;
        };
        if (
          parsed.seed === seed &&
          parsed.anchor === anchor &&
          Array.isArray(parsed.trails)
        ) {
          recorded = parseRecorded(parsed.recorded);
          return new Map(parsed.trails.map((t) => [t.Name, t]));
        }
      } catch {
        // A damaged entry is ignored: the initial trails are used.
      }
    }
    return new Map(initialTrails(anchor).map((t) => [t.Name, t]));
  };
  const recordedStores = new Map<string, OwnStore>();
  const recordedStore = (region: string): OwnStore | undefined => {
    let store = recordedStores.get(region);
    if (!store) {
      const list = recorded.filter((r) => r.event.region === region);
      if (!list.length) return undefined;
      store = new OwnStore(
        region,
        list.map((r) => r.event),
      );
      recordedStores.set(region, store);
    }
    return store;
  };

  const toOwn = (events: readonly AuditEvent[], fileName: string) => {
    const byRegion = new Map<string, AuditEvent[]>();
    for (const e of events) {
      if (!Number.isFinite(e.timeMs)) continue;
      const region = isRegionId(e.region) ? e.region : DEFAULT_REGION;
      const list = byRegion.get(region) ?? [];
      list.push(e);
      byRegion.set(region, list);
    }
    const stores = new Map<string, OwnStore>();
    let count = 0;
    for (const [region, list] of byRegion) {
      list.sort((a, b) => a.timeMs - b.timeMs);
      stores.set(region, new OwnStore(region, list));
      count += list.length;
    }
    // A loop, not Math.min(...times): a spread of 100,000+ arguments overflows the stack.
    let first = Infinity;
    let last = -Infinity;
    for (const event of events) {
      if (!Number.isFinite(event.timeMs)) continue;
      if (event.timeMs < first) first = event.timeMs;
      if (event.timeMs > last) last = event.timeMs;
    }
    const info = {
      fileName,
      eventCount: count,
      regions: [...byRegion.keys()].sort(),
      firstEventTime: Number.isFinite(first) ? isoSeconds(first) : "",
      lastEventTime: Number.isFinite(last) ? isoSeconds(last) : "",
    };
    return { stores, info };
  };
  if (options.ownEvents)
    own = toOwn(options.ownEvents, options.ownFileName ?? "events.json");

  const account: Account = {
    seed,
    now,
    anchor,
    scale,
    get plan() {
      return plan;
    },
    factory,
    identity: options.identity ?? "admin",
    faults: { ...(options.faults ?? NO_FAULTS) },
    latency: options.latency ?? [80, 250],
    rateLimits: options.rateLimits ?? true,
    trails: loadTrails(),
    specials,
    info: {
      accountId: ACCOUNT_ID,
      accountName: ACCOUNT_NAME,
      isManagementAccount: true,
      resourceDirectoryId: RESOURCE_DIRECTORY_ID,
      slsProjects: SLS_PROJECTS.map(({ name, region }) => ({ name, region })),
      roles: RAM_ROLES.filter(
        (r) => r.startsWith("Aliyun") || r.startsWith("ActionTrail"),
      ),
    },
    currentTime,
    store(region) {
      if (own) return own.stores.get(region) ?? new OwnStore(region, []);
      const current = currentTime();
      if (current >= plan.endMs) {
        // The console has been open past the generated hours: generate
        // further (same base, so row positions and IDs stay).
        plan = extendPlan(plan, current);
        generated.clear();
      }
      let store = generated.get(region);
      if (!store) {
        store = new GeneratedStore(
          factory,
          generateRegion(plan, region, woven),
          () => Math.floor(currentTime() / 1000),
        );
        generated.set(region, store);
      }
      const mine = recordedStore(region);
      return mine ? new CombinedStore(store, mine) : store;
    },
    isGenerated: (region) => generated.has(region),
    historyStore(region) {
      let store = history.get(region);
      if (!store) {
        const older = makePlan(derive(seed, 0x4157), plan.baseMs, scale);
        store = new GeneratedStore(
          {
            ...factory,
            baseSec: Math.floor(older.baseMs / 1000),
            idSalt: derive(seed, 0x4157),
          },
          generateRegion(older, region, []),
        );
        history.set(region, store);
      }
      return store;
    },
    pools,
    incidentEventId: (tag) => incidentIds.get(tag),
    insights: (region) => (own ? [] : (insightsByRegion.get(region) ?? [])),
    get ownData() {
      return own?.info;
    },
    loadOwnEvents(events, fileName) {
      own = toOwn(events, fileName);
      return own.info;
    },
    clearOwnEvents() {
      own = undefined;
    },
    saveTrails() {
      storage?.setItem(
        TRAILS_STORAGE_KEY,
        JSON.stringify({
          seed,
          anchor,
          trails: [...this.trails.values()],
          recorded: recorded.map((r) => r.raw),
        }),
      );
    },
    resetTrails() {
      storage?.removeItem(TRAILS_STORAGE_KEY);
      this.trails.clear();
      for (const t of initialTrails(anchor)) this.trails.set(t.Name, t);
      recorded = [];
      recordedStores.clear();
    },
    resetAccount() {
      this.resetTrails();
      const minute = floorToMinute(currentTime());
      storage?.setItem(
        ACCOUNT_STORAGE_KEY,
        JSON.stringify({
          seed: derive(seed ^ Math.floor(minute / 60_000), 0x2e5e7),
          anchor: minute,
        }),
      );
    },
    get recorded() {
      return recorded;
    },
    recordEvent(event) {
      recorded = [...recorded, event];
      recordedStores.delete(event.event.region);
      this.saveTrails();
    },
    takeRateLimit(action, perSecond, sentAt) {
      if (!this.rateLimits) return true;
      return limiter.take(action, perSecond, sentAt);
    },
    random,
    newRequestId: () => {
      const n = Math.floor(random() * 4294967296);
      return uuidFrom(
        derive(n, 1),
        derive(n, 2),
        derive(n, 3),
        hashString(String(n)),
      );
    },
  };
  return account;
}
