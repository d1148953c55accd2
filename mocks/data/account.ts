/**
 * Trailscope's simulated ActionTrail account: `createAccount()` builds the
 * whole world from a seed and a `now` — organisation, resources, trails, the
 * 90 days of events (generated per region on first use) and the incidents.
 * Everything mutable lives on the returned object; nothing is global.
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
import { GeneratedStore, OwnStore, type EventStore } from "./event-store";
import {
  generateRegion,
  makePlan,
  specialsOf,
  type GenerationPlan,
  type SpecialEvent,
} from "./generator";
import { incidentEvents } from "./incidents";
import { buildInsights, type InsightWire } from "./insights";
import { ACCOUNT_ID, ACCOUNT_NAME, RESOURCE_DIRECTORY_ID } from "./people";
import { derive, hashString, mulberry32, uuidFrom } from "./prng";
import { buildPools, OSS_BUCKETS, RAM_ROLES, SLS_PROJECTS } from "./resources";
import { DEFAULT_REGION, isRegionId, REGION_IDS } from "./regions";
import { initialTrails, type TrailRecord } from "./trail-state";

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AccountOptions {
  seed: number;
  /** Epoch ms the dataset ends at (default: the clock, floored to the minute). */
  now: number;
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

export const TRAILS_STORAGE_KEY = "trailscope.mock.trails.v1";

export const floorToMinute = (ms: number): number =>
  Math.floor(ms / 60_000) * 60_000;

export interface Account {
  readonly seed: number;
  readonly now: number;
  readonly scale: number;
  readonly info: DemoAccountInfo;
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
  pools(region: string): ResourcePools;
  /** The event ID of an incident event by its tag (`b-stop`). */
  incidentEventId(tag: string): string | undefined;
  insights(region: string): readonly InsightWire[];
  readonly ownData: OwnDataInfo | undefined;
  loadOwnEvents(events: readonly AuditEvent[], fileName: string): OwnDataInfo;
  clearOwnEvents(): void;
  saveTrails(): void;
  /** Forgets stored trail changes and returns to the initial trails. */
  resetTrails(): void;
  /** Counts a call against its per-second limit; false when over it. */
  takeRateLimit(action: string, perSecond: number): boolean;
  random(): number;
  newRequestId(): string;
}

export function createAccount(options: Partial<AccountOptions> = {}): Account {
  const clock = options.clock ?? Date.now;
  const createdAt = clock();
  const seed = options.seed ?? 20261123;
  const now = floorToMinute(options.now ?? createdAt);
  const scale = options.scale ?? 1;
  const plan = makePlan(seed, now, scale);
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
    nowSec: Math.floor(now / 1000),
    idSalt: derive(seed, 0x5eed),
    pools,
  };
  const specials = incidentEvents(now);
  const generated = new Map<string, GeneratedStore>();
  let own: { stores: Map<string, OwnStore>; info: OwnDataInfo } | undefined;
  const random = mulberry32(derive(seed, 99));
  const storage = options.storage;
  const rateWindows = new Map<string, { second: number; count: number }>();

  const incidentIds = new Map<string, string>();
  for (const region of REGION_IDS) {
    specialsOf(plan, region, specials).forEach((special, index) => {
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

  const loadTrails = (): Map<string, TrailRecord> => {
    const stored = storage?.getItem(TRAILS_STORAGE_KEY);
    if (stored) {
      try {
        const parsed = JSON.parse(stored) as {
          seed?: number;
          trails?: TrailRecord[];
        };
        if (parsed.seed === seed && Array.isArray(parsed.trails))
          return new Map(parsed.trails.map((t) => [t.Name, t]));
      } catch {
        // A damaged entry is ignored: the initial trails are used.
      }
    }
    return new Map(initialTrails(now).map((t) => [t.Name, t]));
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
    scale,
    plan,
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
      ossBuckets: OSS_BUCKETS.filter((b) => !b.deleted).map(
        ({ name, region }) => ({ name, region }),
      ),
      slsProjects: SLS_PROJECTS.map(({ name, region }) => ({ name, region })),
      roles: RAM_ROLES.filter(
        (r) => r.startsWith("Aliyun") || r.startsWith("ActionTrail"),
      ),
    },
    currentTime: () => now + Math.max(0, clock() - createdAt),
    store(region) {
      if (own) return own.stores.get(region) ?? new OwnStore(region, []);
      let store = generated.get(region);
      if (!store) {
        store = new GeneratedStore(
          factory,
          generateRegion(plan, region, specials),
        );
        generated.set(region, store);
      }
      return store;
    },
    isGenerated: (region) => generated.has(region),
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
        JSON.stringify({ seed, trails: [...this.trails.values()] }),
      );
    },
    resetTrails() {
      storage?.removeItem(TRAILS_STORAGE_KEY);
      this.trails.clear();
      for (const t of initialTrails(now)) this.trails.set(t.Name, t);
    },
    takeRateLimit(action, perSecond) {
      if (!this.rateLimits) return true;
      const second = Math.floor(clock() / 1000);
      const w = rateWindows.get(action);
      if (!w || w.second !== second) {
        rateWindows.set(action, { second, count: 1 });
        return true;
      }
      w.count++;
      return w.count <= perSecond;
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
