import type { AuditEvent } from "@/api/schemas/event";
import { detectCallRateBursts } from "./call-rate";
import { detectErrorRateBursts } from "./error-rate";
import { detectNewAddresses } from "./new-address";
import { detectSigninsWithoutMfa } from "./no-mfa-signin";
import { detectSensitiveActions } from "./sensitive-actions";
import { detectSigninFailures } from "./signin-failures";
import type { Detection, Detector } from "./types";

export const DETECTORS: readonly Detector[] = [
  detectNewAddresses,
  detectCallRateBursts,
  detectErrorRateBursts,
  detectSigninFailures,
  detectSigninsWithoutMfa,
  detectSensitiveActions,
];

const RANK = { high: 0, medium: 1, low: 2 } as const;

/** Every detector over the same events; high severity first, then the newest. Duplicate IDs keep the first. */
export function runDetectors(
  events: readonly AuditEvent[],
  detectors: readonly Detector[] = DETECTORS,
): Detection[] {
  const seen = new Map<string, Detection>();
  for (const detector of detectors)
    for (const d of detector(events)) if (!seen.has(d.id)) seen.set(d.id, d);
  return [...seen.values()].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.lastMs - a.lastMs,
  );
}
