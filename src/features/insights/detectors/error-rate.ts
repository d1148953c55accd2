import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { isSignin } from "./signin-failures";
import {
  distinct,
  groupBy,
  hourRuns,
  timed,
  topNames,
  type Detection,
} from "./types";

/**
 * Error-rate bursts: an hour in which an identity's calls mostly failed (at
 * least `minErrors` errors and half of its calls), well above its usual error
 * count per hour in the hours before it (a rolling baseline). Enumeration with a stolen or under-privileged credential
 * looks like this; a normal 5% failure rate does not.
 */
export function detectErrorRateBursts(
  events: readonly AuditEvent[],
  minErrors = 10,
): Detection[] {
  const sorted = timed(events).filter((e) => !isSignin(e)); // failed sign-ins have their own detector
  const detections: Detection[] = [];
  const byUser = groupBy(sorted, (e) =>
    e.identityType === "system" ? undefined : e.userName || e.accessKeyId,
  );
  for (const [who, list] of byUser) {
    // The usual hour: the median error count of the actor's earlier active hours (none: 0).
    const earlier: number[] = []; // kept sorted
    const medianOfEarlier = () => earlier[Math.floor(earlier.length / 2)] ?? 0;
    const remember = (n: number) => {
      let lo = 0;
      let hi = earlier.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (earlier[mid]! <= n) lo = mid + 1;
        else hi = mid;
      }
      earlier.splice(lo, 0, n);
    };
    let median = 0;
    const bad: AuditEvent[] = [];
    let calls = 0;
    for (const hourEvents of hourRuns(list)) {
      const errors = hourEvents.filter((e) => e.errorCode);
      const usual = medianOfEarlier();
      if (
        errors.length >= minErrors &&
        errors.length >= hourEvents.length / 2 &&
        errors.length > 3 * usual
      ) {
        median = usual;
        bad.push(...errors);
        calls += hourEvents.length;
      }
      remember(errors.length);
    }
    if (bad.length === 0) continue;
    bad.sort((a, b) => a.timeMs - b.timeMs);
    const codes = distinct(bad.map((e) => e.errorCode));
    const regions = distinct(bad.map((e) => e.region).filter(Boolean));
    detections.push({
      id: `error-rate:${who}`,
      kind: "error-rate",
      severity: codes.some((c) =>
        /NoPermission|Forbidden|Denied|InvalidAccessKey|SignatureDoesNotMatch/i.test(
          c,
        ),
      )
        ? "high"
        : "medium",
      title: msg`${who}: ${plural(bad.length, { one: "# failed call", other: "# failed calls" })} out of ${calls} in its error bursts`,
      explanation: msg`In a usual hour it has about ${plural(median, { one: "# error", other: "# errors" })}. Bursts of refused calls often mean someone is probing what a credential may do.`,
      subject: { kind: "user", value: who },
      evidence: [
        { label: msg`Error codes`, values: codes.slice(0, 8) },
        { label: msg`Failing actions`, values: topNames(bad) },
        {
          label: msg`Addresses`,
          values: distinct(bad.map((e) => e.sourceIp)).slice(0, 10),
        },
        { label: msg`Regions`, values: regions },
      ],
      firstMs: bad[0]!.timeMs,
      lastMs: bad.at(-1)!.timeMs,
      regions,
      eventIds: bad.map((e) => e.id),
      filters: [{ key: "User", value: who }],
      pivots: codes.slice(0, 2).map((code) => ({
        label: msg`${code} errors`,
        filters: [
          { key: "User", value: who },
          { key: "ErrorCode", value: code },
        ],
      })),
    });
  }
  return detections;
}
