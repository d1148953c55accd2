import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type {
  AlertRule,
  Firing,
  Notice,
  RuleRun,
  SEVERITIES,
  WatchedTrail,
} from "../../src/lib/alerts/rule";

/**
 * The gateway's alert state — rules, destinations (with their secrets),
 * runs, firings and deliveries — kept in one JSON file beside the gateway,
 * never in a browser. Every change is written atomically: a temporary file
 * in the same folder is written and fsync'd, renamed over the old one, and
 * the folder fsync'd, so a crash leaves either the old state or the new one.
 * Writes are serialised; `update` resolves once its change is on disk, so a
 * caller that awaits it (the scheduler before it sends) never loses work to
 * a restart.
 */

/** A rule as the gateway runs it: the console's rule shape, plus where its firings go. */
export interface GatewayRule extends AlertRule {
  /** Gateway destinations (their ids) a firing is delivered to. */
  destinationIds: string[];
  updatedAt: number;
}

export type Severity = (typeof SEVERITIES)[number];

export interface WebhookSettings {
  kind: "webhook";
  url: string;
  /** HMAC-SHA256 key for the X-Trailscope-Signature header. */
  secret: string;
}

export interface DingTalkSettings {
  kind: "dingtalk";
  /** The robot's webhook URL, access_token included. */
  url: string;
  /** The robot's signing secret (SEC…). */
  secret: string;
}

export interface EmailSettings {
  kind: "email";
  host: string;
  port: number;
  /** Implicit TLS (465); otherwise STARTTLS is required. */
  secure: boolean;
  user: string;
  password: string;
  from: string;
  to: string[];
}

export type DestinationSettings =
  WebhookSettings | DingTalkSettings | EmailSettings;

export interface Destination {
  id: string;
  name: string;
  settings: DestinationSettings;
  /** Failed attempts in a row; reset by a delivery that succeeds. */
  consecutiveFailures: number;
  /** Set when the destination failed too often: nothing is sent until it is resumed. */
  pausedAt?: number | undefined;
  pausedReason?: string | undefined;
  /** Opted into the trail watch's notices: delivery confirmations, and trails that stop, fail or are late. */
  deliveryConfirmations?: boolean | undefined;
  createdAt: number;
  updatedAt: number;
}

export type DeliveryStatus = "pending" | "sent" | "failed" | "held";

/** One firing (or trail notice) on its way to one destination. */
export interface Delivery {
  id: string;
  /** The firing sent; absent for a trail notice. */
  firingId?: string | undefined;
  ruleId?: string | undefined;
  /** The trail notice sent, as it was when recorded (to a destination that opted in). */
  notice?: Notice | undefined;
  destinationId: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending deliveries). */
  nextAttemptAt: number;
  lastAttemptAt?: number | undefined;
  lastError?: string | undefined;
  sentAt?: number | undefined;
  createdAt: number;
}

/** A warning for the notification centre: a delivery gave up, or a destination was paused. */
export interface DeliveryWarning {
  id: string;
  at: number;
  kind: "delivery-failed" | "destination-paused";
  destinationId: string;
  ruleId?: string | undefined;
  firingId?: string | undefined;
  detail: string;
}

export interface AlertState {
  version: 1;
  rules: GatewayRule[];
  destinations: Destination[];
  /** The last run of each rule, by rule id. */
  lastRuns: Record<string, RuleRun>;
  /** Newest first. */
  firings: Firing[];
  deliveries: Delivery[];
  /** Newest first. */
  warnings: DeliveryWarning[];
  /** Each trail's delivery health as the trail watch last saw it, by trail name. */
  trails: Record<string, WatchedTrail>;
  /** The trail watch's notices (stopped, failing, late, recovered, delivered), newest first. */
  notices: Notice[];
}

/** History kept: the newest firings, deliveries and warnings. */
export const MAX_STORED_FIRINGS = 1_000;
export const MAX_STORED_DELIVERIES = 4_000;
export const MAX_STORED_WARNINGS = 500;
export const MAX_STORED_NOTICES = 500;

export const emptyState = (): AlertState => ({
  version: 1,
  rules: [],
  destinations: [],
  lastRuns: {},
  firings: [],
  deliveries: [],
  warnings: [],
  trails: Object.create(null) as Record<string, WatchedTrail>,
  notices: [],
});

export class AlertStoreError extends Error {
  override readonly name = "AlertStoreError";
}

export const newId = (prefix: string): string =>
  `${prefix}-${randomBytes(9).toString("base64url")}`;

/** Drops the oldest history past the caps; pending deliveries are never dropped. */
function trim(state: AlertState): AlertState {
  const keptDeliveries = state.deliveries.filter(
    (d) => d.status === "pending" || d.status === "held",
  );
  const settled = state.deliveries.filter(
    (d) => d.status !== "pending" && d.status !== "held",
  );
  const room = Math.max(0, MAX_STORED_DELIVERIES - keptDeliveries.length);
  return {
    ...state,
    firings: state.firings.slice(0, MAX_STORED_FIRINGS),
    deliveries: [...settled.slice(-room), ...keptDeliveries].sort(
      (a, b) => a.createdAt - b.createdAt,
    ),
    warnings: state.warnings.slice(0, MAX_STORED_WARNINGS),
    notices: state.notices.slice(0, MAX_STORED_NOTICES),
  };
}

function parse(text: string, path: string): AlertState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AlertStoreError(
      `The alert store ${path} is not valid JSON: fix or move it (the gateway does not overwrite it).`,
    );
  }
  const state = data as Partial<AlertState> | null;
  if (
    !state ||
    typeof state !== "object" ||
    state.version !== 1 ||
    !Array.isArray(state.rules) ||
    !Array.isArray(state.destinations) ||
    !Array.isArray(state.firings) ||
    !Array.isArray(state.deliveries)
  )
    throw new AlertStoreError(
      `The alert store ${path} is not a Trailscope alert store (version 1).`,
    );
  return {
    ...emptyState(),
    ...state,
    lastRuns: Object.assign(
      Object.create(null) as Record<string, RuleRun>,
      state.lastRuns ?? {},
    ),
    warnings: Array.isArray(state.warnings) ? state.warnings : [],
    // Stores written before the trail watch have neither.
    trails: Object.assign(
      Object.create(null) as Record<string, WatchedTrail>,
      state.trails ?? {},
    ),
    notices: Array.isArray(state.notices) ? state.notices : [],
  };
}

/** Writes `text` to `path` so that a crash leaves the old file or the new one, never half. */
export async function writeAtomically(
  path: string,
  text: string,
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const file = await open(temp, "w", 0o600);
  try {
    await file.writeFile(text, "utf8");
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  // The rename itself is durable once the folder is.
  const dir = await open(folder, "r").catch(() => undefined);
  if (dir)
    try {
      await dir.sync().catch(() => undefined);
    } finally {
      await dir.close();
    }
}

export class AlertStore {
  private state: AlertState;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    state: AlertState,
  ) {
    this.state = state;
  }

  /** Loads the store at `path` (an absent file is an empty store); a damaged file is refused, never overwritten. */
  static open(path: string): AlertStore {
    if (!existsSync(path)) return new AlertStore(path, emptyState());
    return new AlertStore(path, parse(readFileSync(path, "utf8"), path));
  }

  /** The current state (read-only: change it through `update`). */
  get current(): Readonly<AlertState> {
    return this.state;
  }

  /**
   * Applies a change and resolves once it is on disk. Changes apply in call
   * order; a failed write leaves the in-memory state changed and rejects, so
   * the caller does not act (send) on what was not saved.
   */
  update<T>(change: (state: AlertState) => T): Promise<T> {
    const draft = structuredClone(this.state);
    // structuredClone gives plain objects back: keep rule ids inert keys.
    draft.lastRuns = Object.assign(
      Object.create(null) as Record<string, RuleRun>,
      draft.lastRuns,
    );
    draft.trails = Object.assign(
      Object.create(null) as Record<string, WatchedTrail>,
      draft.trails,
    );
    const result = change(draft);
    this.state = trim(draft);
    const text = `${JSON.stringify(this.state, null, 1)}\n`;
    const written = this.writing.then(() => writeAtomically(this.path, text));
    this.writing = written.catch(() => undefined);
    return written.then(() => result);
  }

  /** Resolves once every change so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}
