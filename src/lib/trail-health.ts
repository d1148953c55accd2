/**
 * A trail's delivery health at a glance, from what GetTrailStatus says: is
 * it logging, did its last delivery to OSS or Log Service fail, and has it
 * delivered recently enough. Pure: the caller passes `now`. The trails list
 * shows it and the console's alerts watch it (one rule for both).
 */

/** The fields of GetTrailStatus (as src/api/schemas/trail.ts maps them) health reads. */
export interface DeliveryFacts {
  isLogging: boolean;
  latestDeliveryTime: string;
  latestDeliveryError: string;
  latestDeliveryLogServiceTime: string;
  latestDeliveryLogServiceError: string;
  /** `undefined` when the trail has no such destination. */
  ossBucketAvailable: boolean | undefined;
  slsLogStoreAvailable: boolean | undefined;
  startLoggingTime: string;
}

export type HealthLevel =
  /** Logging, and delivering on time without errors. */
  | "healthy"
  /** Logging started too recently for a first delivery. */
  | "starting"
  /** Not logging: nothing is recorded for delivery. */
  | "stopped"
  /** The last delivery failed, or a destination is unavailable. */
  | "failing"
  /** Logging, but no delivery for longer than expected. */
  | "late"
  /** Logging with no destination at all. */
  | "no-destination";

export interface TrailHealth {
  level: HealthLevel;
  /** The service's error code (`NoSuchBucket`), when it gave one. */
  code?: string | undefined;
  /** The service's message, as it was given. */
  detail?: string | undefined;
  /** The newest delivery (epoch ms) to any destination, if any. */
  lastDelivery?: number | undefined;
}

/** OSS files hold about five minutes of events; Log Service receives them within minutes. */
export const EXPECTED_DELIVERY_MS = 5 * 60_000;
/** How long without a delivery, while logging, counts as late: six missed cycles. */
export const LATE_AFTER_MS = 30 * 60_000;

const parse = (iso: string): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
};

/** `NoSuchBucket: The specified bucket…` → `NoSuchBucket`. */
export function errorCodeOf(message: string): string | undefined {
  const match = /^([A-Za-z][\w.]*)\s*:/.exec(message);
  return match?.[1];
}

export function trailHealth(facts: DeliveryFacts, now: number): TrailHealth {
  const times = [
    parse(facts.latestDeliveryTime),
    parse(facts.latestDeliveryLogServiceTime),
  ].filter((t): t is number => t !== undefined);
  const lastDelivery = times.length ? Math.max(...times) : undefined;
  const base = { lastDelivery };
  const error =
    facts.latestDeliveryError || facts.latestDeliveryLogServiceError || "";
  if (error)
    return {
      ...base,
      level: "failing",
      code: errorCodeOf(error),
      detail: error,
    };
  if (facts.ossBucketAvailable === false)
    return { ...base, level: "failing", code: "OssBucketUnavailable" };
  if (facts.slsLogStoreAvailable === false)
    return { ...base, level: "failing", code: "SlsLogStoreUnavailable" };
  if (!facts.isLogging) return { ...base, level: "stopped" };
  if (
    facts.ossBucketAvailable === undefined &&
    facts.slsLogStoreAvailable === undefined &&
    lastDelivery === undefined
  )
    return { ...base, level: "no-destination" };
  const since = lastDelivery ?? parse(facts.startLoggingTime);
  if (since === undefined || now - since <= LATE_AFTER_MS)
    return {
      ...base,
      level: lastDelivery === undefined ? "starting" : "healthy",
    };
  return { ...base, level: "late" };
}

/** Whether a change of health is worth a warning (it got worse). */
export const isProblem = (level: HealthLevel): boolean =>
  level === "stopped" || level === "failing" || level === "late";
