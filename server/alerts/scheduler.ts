import {
  runRuleOverWindow,
  type RuleRunResult,
} from "../../src/lib/alerts/run-rule";
import type { Firing, Notice } from "../../src/lib/alerts/rule";
import { isDue } from "../../src/lib/alerts/schedule";
import { watchTrails } from "../../src/lib/alerts/trail-watch";
import type { CompiledRule } from "../../src/lib/sigma/compile";
import type { Logger } from "../logger";
import type { Notification, Sender, TrailNotification } from "./destinations";
import type { EventReader } from "./lookup";
import type { TrailReader } from "./trails";
import { DeliveryFailed } from "./ssrf";
import {
  newId,
  type AlertState,
  type AlertStore,
  type GatewayRule,
} from "./store";

/**
 * Runs the gateway's alert rules on their schedules and delivers their
 * firings, whether or not anyone has the console open.
 *
 * - Each tick runs every enabled rule that is due (every 5, 15 or 60 minutes;
 *   at once when new) over its window, in every configured region, through
 *   the gateway's LookupEvents reader, with the console's own runner
 *   (src/lib/alerts/run-rule.ts: matching, threshold, quiet period): one
 *   rule, one meaning, both sides.
 * - A firing and one delivery per destination are written to the store
 *   before anything is sent; each attempt is recorded before it is made. A
 *   restart therefore loses nothing: pending deliveries are picked up by the
 *   first tick (a send cut by the restart is repeated; receivers can drop the
 *   repeat by its delivery id).
 * - A failed attempt is retried with backoff (30 s, 2 min, 10 min, 30 min by
 *   default); a delivery out of attempts, or refused for good (a 4xx, an
 *   address that may not be reached), gives up with a warning. A destination
 *   that fails `pauseAfterFailures` attempts in a row is paused with a
 *   warning: its deliveries wait (held) until someone resumes it.
 * - Time comes from the injected clock; `tick()` can be driven by tests.
 */
export interface SchedulerOptions {
  store: AlertStore;
  clock: () => number;
  readEvents: EventReader;
  send: Sender;
  logger: Logger;
  /** Regions every rule reads. */
  regions: readonly string[];
  /** GATEWAY_ACCOUNT_LABEL, named in every notification. */
  account: string;
  /** A link to a firing in the console, when the gateway knows its public origin. */
  linkFor: (firing: Firing) => string | undefined;
  pack: readonly CompiledRule[];
  retryDelaysMs?: readonly number[];
  pauseAfterFailures?: number;
  /** Events read per region and read at most. */
  cap?: number;
  /** Looks at every trail's delivery (GetTrailStatus); without it trails are not watched. */
  readTrails?: TrailReader | undefined;
  /** How often trails are looked at (the first tick looks at once). */
  trailCheckMs?: number | undefined;
  /** The console's trails page, for trail notices, when the gateway knows its public origin. */
  trailsLink?: (() => string | undefined) | undefined;
}

export const DEFAULT_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000];
export const DEFAULT_PAUSE_AFTER_FAILURES = 5;
/** A delivery cycle: OSS files hold about five minutes of events. */
export const DEFAULT_TRAIL_CHECK_MS = 5 * 60_000;
export type { RuleRunResult };

const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

export class AlertScheduler {
  private ticking: Promise<void> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly retryDelays: readonly number[];
  private readonly pauseAfter: number;
  private nextTrailCheck = -Infinity;

  constructor(private readonly options: SchedulerOptions) {
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.pauseAfter =
      options.pauseAfterFailures ?? DEFAULT_PAUSE_AFTER_FAILURES;
  }

  /** Attempts a delivery gets in all. */
  get maxAttempts(): number {
    return this.retryDelays.length + 1;
  }

  /** Ticks now (pending deliveries from before a restart go out) and then every `intervalMs`. */
  start(intervalMs = 15_000): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await this.options.store.flush();
  }

  /** Runs the due rules, then sends the due deliveries. Ticks never overlap. */
  tick(): Promise<void> {
    this.ticking ??= this.runTick().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async runTick(): Promise<void> {
    try {
      const now = this.options.clock();
      const { rules, lastRuns } = this.options.store.current;
      for (const rule of rules)
        if (isDue(rule, lastRuns[rule.id], now)) await this.runAndRecord(rule);
      await this.checkTrails(now);
      await this.deliverDue();
    } catch (error) {
      this.options.logger.log("error", "alert scheduler tick failed", {
        error: errorText(error),
      });
    }
  }

  /**
   * Reads the rule's window in every region and decides; records nothing.
   * A test (`test`: over a day) ignores the quiet period: it shows what the
   * rule would send.
   */
  evaluateRule(
    rule: GatewayRule,
    test?: { windowMinutes: number },
  ): Promise<RuleRunResult> {
    const { clock, regions, readEvents, pack, store } = this.options;
    const cap = this.options.cap ?? 20_000;
    return runRuleOverWindow(rule, {
      now: clock(),
      windowMinutes: test?.windowMinutes,
      firings: test ? [] : store.current.firings,
      pack,
      newId: () => newId("fire"),
      describeError: errorText,
      // Each region on its own: one that cannot be read leaves the run partial.
      read: async (attributes, window) => {
        const events = [];
        const errors: string[] = [];
        let complete = true;
        for (const region of regions)
          try {
            const result = await readEvents({
              region,
              startMs: window.startMs,
              endMs: window.endMs,
              attributes,
              cap,
            });
            complete &&= result.complete;
            events.push(...result.events);
          } catch (error) {
            errors.push(`${region}: ${errorText(error)}`);
          }
        if (errors.length === regions.length && regions.length > 0)
          throw new Error(errors.join("; "));
        return {
          events,
          complete: complete && errors.length === 0,
          ...(errors.length ? { error: errors.join("; ") } : {}),
        };
      },
    });
  }

  /**
   * Looks at every trail's delivery when a check is due and records what
   * changed as notices (src/lib/alerts/trail-watch.ts, the console's own
   * rule): a trail that stopped logging, fails to deliver or is late while
   * events exist, its recovery, and one standing confirmation per trail
   * moved on to each newer delivery. A look that fails keeps what was seen.
   */
  async checkTrails(now: number): Promise<void> {
    const { readTrails, store, logger } = this.options;
    if (!readTrails || now < this.nextTrailCheck) return;
    this.nextTrailCheck =
      now + (this.options.trailCheckMs ?? DEFAULT_TRAIL_CHECK_MS);
    let seen;
    try {
      seen = await readTrails(now);
    } catch (error) {
      logger.log("warn", "trails could not be read", {
        error: errorText(error),
      });
      return;
    }
    const recorded = await store.update((state) => {
      const { trails, notices } = watchTrails(state.trails, seen, now, () =>
        newId("trail"),
      );
      Object.assign(state.trails, trails);
      const ids = new Set(notices.map((n) => n.id));
      state.notices = [
        ...notices,
        ...state.notices.filter((n) => !ids.has(n.id)),
      ];
      // Destinations that opted in receive each notice once.
      for (const notice of notices)
        for (const destination of state.destinations)
          if (destination.deliveryConfirmations)
            state.deliveries.push({
              id: newId("dlv"),
              notice,
              destinationId: destination.id,
              status: destination.pausedAt !== undefined ? "held" : "pending",
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
            });
      return notices;
    });
    for (const notice of recorded)
      if (notice.kind === "delivery-warning")
        logger.log("warn", "trail delivery warning", {
          trail: notice.trail?.slice(0, 100),
          level: notice.level,
          code: notice.code,
        });
  }

  /** What a trail notice sends to a destination that opted in. */
  trailNotificationFor(notice: Notice, deliveryId: string): TrailNotification {
    return {
      deliveryId,
      notice,
      account: this.options.account,
      regions: this.options.regions,
      link: this.options.trailsLink?.(),
    };
  }

  /** What a rule's firing would send (the test button's preview). */
  notificationFor(firing: Firing, deliveryId = "preview"): Notification {
    return {
      deliveryId,
      firing,
      account: this.options.account,
      regions: this.options.regions,
      link: this.options.linkFor(firing),
    };
  }

  private async runAndRecord(rule: GatewayRule): Promise<void> {
    const result = await this.evaluateRule(rule);
    const fired = result.run.outcome === "fired" ? result.firing : undefined;
    await this.options.store.update((state) => {
      // The rule may have been deleted or changed while it ran.
      const current = state.rules.find((r) => r.id === rule.id);
      if (!current) return;
      state.lastRuns[rule.id] = result.run;
      if (!fired) return;
      state.firings.unshift(fired);
      for (const destinationId of current.destinationIds) {
        const destination = state.destinations.find(
          (d) => d.id === destinationId,
        );
        if (!destination) continue;
        state.deliveries.push({
          id: newId("dlv"),
          firingId: fired.id,
          ruleId: rule.id,
          destinationId,
          status: destination.pausedAt !== undefined ? "held" : "pending",
          attempts: 0,
          nextAttemptAt: fired.at,
          createdAt: fired.at,
        });
      }
    });
    if (fired)
      this.options.logger.log("info", "alert fired", {
        rule: rule.id,
        firing: fired.id,
        count: fired.count,
      });
  }

  /** Sends every pending delivery whose time has come, oldest first. */
  async deliverDue(): Promise<void> {
    const { store, clock } = this.options;
    const due = store.current.deliveries
      .filter((d) => d.status === "pending" && d.nextAttemptAt <= clock())
      .map((d) => d.id);
    for (const id of due) await this.attempt(id);
  }

  private async attempt(deliveryId: string): Promise<void> {
    const { store, clock, send, logger } = this.options;
    const now = clock();
    // Record the attempt before it is made: a restart mid-send retries it later.
    const prepared = await store.update((state) => {
      const delivery = state.deliveries.find((d) => d.id === deliveryId);
      if (!delivery || delivery.status !== "pending") return undefined;
      const destination = state.destinations.find(
        (d) => d.id === delivery.destinationId,
      );
      const firing = delivery.firingId
        ? state.firings.find((f) => f.id === delivery.firingId)
        : undefined;
      if (!destination || (!firing && !delivery.notice)) {
        delivery.status = "failed";
        delivery.lastError = destination
          ? "The firing is no longer in the history."
          : "The destination was deleted.";
        return undefined;
      }
      if (destination.pausedAt !== undefined) {
        delivery.status = "held";
        return undefined;
      }
      delivery.attempts += 1;
      delivery.lastAttemptAt = now;
      delivery.nextAttemptAt = now + this.delayAfter(delivery.attempts);
      return {
        destination: structuredClone(destination),
        outgoing: firing
          ? this.notificationFor(structuredClone(firing), deliveryId)
          : this.trailNotificationFor(
              structuredClone(delivery.notice as Notice),
              deliveryId,
            ),
        attempt: delivery.attempts,
      };
    });
    if (!prepared) return;
    const { destination, outgoing } = prepared;
    let failure: DeliveryFailed | undefined;
    try {
      await send(destination, outgoing);
    } catch (error) {
      failure =
        error instanceof DeliveryFailed
          ? error
          : new DeliveryFailed(errorText(error), true);
    }
    const after = clock();
    await store.update((state) => {
      const delivery = state.deliveries.find((d) => d.id === deliveryId);
      const dest = state.destinations.find((d) => d.id === destination.id);
      if (!delivery) return;
      if (!failure) {
        delivery.status = "sent";
        delivery.sentAt = after;
        delivery.lastError = undefined;
        if (dest) dest.consecutiveFailures = 0;
        return;
      }
      delivery.lastError = failure.message;
      const gaveUp =
        !failure.retryable || delivery.attempts >= this.maxAttempts;
      if (gaveUp) {
        delivery.status = "failed";
        state.warnings.unshift({
          id: newId("warn"),
          at: after,
          kind: "delivery-failed",
          destinationId: destination.id,
          ruleId: delivery.ruleId,
          firingId: delivery.firingId,
          detail: `Delivery to ${destination.name} gave up after ${delivery.attempts} attempt${delivery.attempts === 1 ? "" : "s"}: ${failure.message}`,
        });
      }
      if (dest) {
        dest.consecutiveFailures += 1;
        if (
          dest.consecutiveFailures >= this.pauseAfter &&
          dest.pausedAt === undefined
        )
          this.pause(state, dest.id, after, failure.message);
      }
    });
    if (failure)
      logger.log("warn", "alert delivery failed", {
        delivery: deliveryId,
        destination: destination.id,
        kind: destination.settings.kind,
        attempt: prepared.attempt,
        retryable: failure.retryable,
        error: failure.message,
      });
  }

  private delayAfter(attempts: number): number {
    return (
      this.retryDelays[Math.min(attempts, this.retryDelays.length) - 1] ?? 0
    );
  }

  private pause(
    state: AlertState,
    destinationId: string,
    at: number,
    why: string,
  ): void {
    const dest = state.destinations.find((d) => d.id === destinationId);
    if (!dest) return;
    dest.pausedAt = at;
    dest.pausedReason = `Paused after ${dest.consecutiveFailures} failed attempts in a row; last: ${why}`;
    for (const d of state.deliveries)
      if (d.destinationId === destinationId && d.status === "pending")
        d.status = "held";
    state.warnings.unshift({
      id: newId("warn"),
      at,
      kind: "destination-paused",
      destinationId,
      detail: `${dest.name} was paused: ${dest.pausedReason}. Nothing is sent to it until it is resumed.`,
    });
    this.options.logger.log("warn", "alert destination paused", {
      destination: destinationId,
      failures: dest.consecutiveFailures,
    });
  }
}

/** Resumes a paused destination: its held deliveries are sent at the next tick. */
export function resumeDestination(
  state: AlertState,
  destinationId: string,
  now: number,
): boolean {
  const dest = state.destinations.find((d) => d.id === destinationId);
  if (!dest) return false;
  dest.pausedAt = undefined;
  dest.pausedReason = undefined;
  dest.consecutiveFailures = 0;
  for (const d of state.deliveries)
    if (d.destinationId === destinationId && d.status === "held") {
      d.status = "pending";
      d.nextAttemptAt = now;
    }
  return true;
}
