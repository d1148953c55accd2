import type { AuditEvent } from "@/api/schemas/event";
import type { CompiledRule } from "@/lib/sigma/compile";
import { coverage, type TacticCoverage } from "@/lib/sigma/coverage";
import { evaluateRules } from "@/lib/sigma/evaluate";
import { detectCallRateBursts } from "./call-rate";
import {
  DETECTOR_META,
  type DetectorMeta,
  type DetectorName,
} from "./detector-meta";
import { detectEnumeration } from "./enumeration";
import { detectErrorRateBursts } from "./error-rate";
import { detectNewAddresses } from "./new-address";
import { detectSigninsWithoutMfa } from "./no-mfa-signin";
import { detectSensitiveActions } from "./sensitive-actions";
import { detectSigninFailures } from "./signin-failures";
import type { Detection, Detector } from "./types";

/** A stateful detector with its Sigma-shaped metadata. */
export interface StatefulDetector {
  name: DetectorName;
  meta: DetectorMeta;
  detect: Detector;
}

const only =
  (kind: Detection["kind"], detector: Detector): Detector =>
  (events) =>
    detector(events).filter((d) => d.kind === kind);

/**
 * A detector behind several catalog entries (new addresses and dormant
 * credentials come from one pass over each actor's events): it runs once per
 * list of events, and each entry takes its kind from that run.
 */
function runOnce(detector: Detector): Detector {
  const runs = new WeakMap<readonly AuditEvent[], Detection[]>();
  return (events) => {
    let detections = runs.get(events);
    if (!detections) {
      detections = detector(events);
      runs.set(events, detections);
    }
    return detections;
  };
}

const newAddresses = runOnce(detectNewAddresses);

const entry = (name: DetectorName, detect: Detector): StatefulDetector => ({
  name,
  meta: DETECTOR_META[name],
  detect,
});

/**
 * Every stateful detector: the findings worker runs them, and the rule and
 * coverage views list them beside the Sigma rules.
 */
export const DETECTOR_CATALOG: readonly StatefulDetector[] = [
  entry("new-address", only("new-address", newAddresses)),
  entry("dormant-credential", only("dormant-credential", newAddresses)),
  entry("call-rate", detectCallRateBursts),
  entry("error-rate", detectErrorRateBursts),
  entry("signin-failures", detectSigninFailures),
  entry("no-mfa-signin", detectSigninsWithoutMfa),
  entry("sensitive-action", detectSensitiveActions),
  entry("enumeration", detectEnumeration),
];

/**
 * ATT&CK coverage of rules and detectors, with hits on the given events: for
 * a rule the events it matched, for a detector the events behind its detections.
 */
export function detectionCoverage(
  events: readonly AuditEvent[],
  rules: readonly CompiledRule[],
  detectors: readonly StatefulDetector[] = DETECTOR_CATALOG,
): TacticCoverage[] {
  const ruleHits = evaluateRules(
    rules,
    events.map((e) => e.raw),
  );
  return coverage([
    ...rules.map((r) => ({
      id: r.meta.id,
      title: r.meta.title,
      tags: r.meta.tags,
      hits: ruleHits.get(r.meta.id)?.length ?? 0,
    })),
    ...detectors.map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      tags: d.meta.tags,
      hits: new Set(d.detect(events).flatMap((x) => x.eventIds)).size,
    })),
  ]);
}
