import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { distinct, groupBy, timed, type Detection } from "./types";

const WINDOW_MS = 30 * 60_000;

export const isSignin = (e: AuditEvent): boolean =>
  e.name === "ConsoleSignin" || e.type === "ConsoleSignin";

/**
 * Failed sign-in bursts: `minFailures` or more failed console sign-ins of one
 * user within 30 minutes. It is high severity when a success follows within
 * 30 minutes of the last failure (a guessed password).
 */
export function detectSigninFailures(
  events: readonly AuditEvent[],
  minFailures = 3,
): Detection[] {
  const detections: Detection[] = [];
  const byUser = groupBy(timed(events).filter(isSignin), (e) => e.userName);
  for (const [user, list] of byUser) {
    let run: AuditEvent[] = [];
    const flush = (success: AuditEvent | undefined) => {
      if (run.length >= minFailures) {
        const all = success ? [...run, success] : run;
        const ips = distinct(run.map((e) => e.sourceIp));
        detections.push({
          id: `signin-failures:${user}:${run[0]!.id}`,
          kind: "signin-failures",
          severity: success ? "high" : "medium",
          title: success
            ? msg`${user}: ${plural(run.length, { one: "# failed sign-in", other: "# failed sign-ins" })}, then a successful one`
            : msg`${user}: ${plural(run.length, { one: "# failed sign-in", other: "# failed sign-ins" })} in a row`,
          explanation: !success
            ? msg`Repeated failures can be someone guessing the password.`
            : success.mfa === false
              ? msg`The password was wrong ${plural(run.length, { one: "# time", other: "# times" })} and then right, without MFA. Unless ${user} confirms it, treat the account as taken over: reset the password and enforce MFA.`
              : msg`The password was wrong ${plural(run.length, { one: "# time", other: "# times" })} and then right. Unless ${user} confirms it, treat the account as taken over: reset the password and enforce MFA.`,
          subject: { kind: "user", value: user },
          evidence: [
            {
              label: msg`Failures`,
              values: [
                String(run.length),
                ...distinct(run.map((e) => e.errorCode)),
              ],
            },
            { label: msg`Addresses of the failures`, values: ips },
            ...(success
              ? [
                  {
                    label: msg`Successful sign-in from`,
                    values: [success.sourceIp],
                  },
                  {
                    label: msg`MFA on success`,
                    values: [],
                    note:
                      success.mfa === undefined
                        ? msg`not recorded`
                        : success.mfa
                          ? msg`yes`
                          : msg`no`,
                  },
                ]
              : []),
          ],
          firstMs: all[0]!.timeMs,
          lastMs: all.at(-1)!.timeMs,
          regions: distinct(all.map((e) => e.region).filter(Boolean)),
          eventIds: all.map((e) => e.id),
          filters: [
            { key: "User", value: user },
            { key: "EventName", value: "ConsoleSignin" },
          ],
          pivots: [],
        });
      }
      run = [];
    };
    for (const e of list) {
      const lastFailure = run.at(-1);
      if (lastFailure && e.timeMs - lastFailure.timeMs > WINDOW_MS)
        flush(undefined);
      if (e.errorCode) run.push(e);
      else flush(run.length > 0 ? e : undefined);
    }
    flush(undefined);
  }
  return detections;
}
