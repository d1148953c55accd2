import { resolve } from "node:path";
import type { GatewayConfig } from "../config";
import type { CredentialSource } from "../credentials";
import type { Logger } from "../logger";
import { createSender, secretsOf, type MakeTransport } from "./destinations";
import {
  createEventReader,
  createSignedCall,
  type EventReader,
} from "./lookup";
import { loadRulePack } from "./pack";
import { AlertScheduler } from "./scheduler";
import {
  parseAllowList,
  systemResolver,
  type Resolver,
  type TargetPolicy,
} from "./ssrf";
import { AlertStore } from "./store";
import { createTrailReader, type TrailReader } from "./trails";

/** The gateway's alerts: the store, the destination policy and the scheduler, put together. */
export interface AlertService {
  store: AlertStore;
  scheduler: AlertScheduler;
  policy: TargetPolicy;
  clock: () => number;
  /** Registers a destination's secrets with the logger's redaction. */
  protect(secrets: readonly string[]): void;
  start(): void;
  stop(): Promise<void>;
}

/** What tests (and the live journey) may replace. */
export interface AlertServiceOverrides {
  clock?: () => number;
  resolve?: Resolver;
  readEvents?: EventReader;
  readTrails?: TrailReader;
  makeTransport?: MakeTransport;
  retryDelaysMs?: readonly number[];
  pauseAfterFailures?: number;
}

export function createAlertService(
  config: GatewayConfig,
  deps: {
    credentials: CredentialSource;
    logger: Logger;
    /** The console's origin as people open it, for links in notifications. */
    origin: () => string | undefined;
  },
  overrides: AlertServiceOverrides = {},
): AlertService | undefined {
  const { storePath } = config.alerts;
  if (!storePath) return undefined;
  const { logger } = deps;
  const clock = overrides.clock ?? Date.now;
  const store = AlertStore.open(resolve(storePath));
  const protect = (secrets: readonly string[]) => {
    for (const secret of secrets) logger.redact(secret);
  };
  for (const destination of store.current.destinations)
    protect(secretsOf(destination.settings));
  const policy: TargetPolicy = {
    allow: parseAllowList(config.alerts.allowAddresses),
    resolve: overrides.resolve ?? systemResolver,
  };
  const upstream = { config, credentials: deps.credentials, logger };
  const readEvents = overrides.readEvents ?? createEventReader(upstream);
  const readTrails =
    config.alerts.trailCheckMs > 0
      ? (overrides.readTrails ??
        createTrailReader({
          call: createSignedCall(upstream),
          readEvents,
          regions: config.alerts.regions,
          logger,
        }))
      : undefined;
  const scheduler = new AlertScheduler({
    store,
    clock,
    readEvents,
    readTrails,
    trailCheckMs: config.alerts.trailCheckMs,
    send: createSender({
      policy,
      now: clock,
      makeTransport: overrides.makeTransport,
    }),
    logger,
    regions: config.alerts.regions,
    account: config.accountLabel,
    linkFor: (firing) => {
      const origin = deps.origin();
      return origin
        ? `${origin}/alerts?firing=${encodeURIComponent(firing.id)}`
        : undefined;
    },
    trailsLink: () => {
      const origin = deps.origin();
      return origin ? `${origin}/trails` : undefined;
    },
    pack: loadRulePack(),
    retryDelaysMs: overrides.retryDelaysMs,
    pauseAfterFailures: overrides.pauseAfterFailures,
  });
  return {
    store,
    scheduler,
    policy,
    clock,
    protect,
    start() {
      if (config.alerts.tickMs > 0) scheduler.start(config.alerts.tickMs);
    },
    stop: () => scheduler.stop(),
  };
}
