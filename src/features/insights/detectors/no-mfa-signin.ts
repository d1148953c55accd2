import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { distinct, groupBy, timed, type Detection } from "./types";
import { isSignin } from "./signin-failures";

/** Successful console sign-ins that the event says were made without MFA, one detection per user. */
export function detectSigninsWithoutMfa(
  events: readonly AuditEvent[],
): Detection[] {
  const noMfa = timed(events).filter(
    (e) => isSignin(e) && !e.errorCode && e.mfa === false,
  );
  return [...groupBy(noMfa, (e) => e.userName)].map(([user, list]) => {
    const root = list.some((e) => e.identityType === "root-account");
    return {
      id: `no-mfa-signin:${user}`,
      kind: "no-mfa-signin" as const,
      severity: root ? ("high" as const) : ("medium" as const),
      title: msg`${user} signed in without MFA ${plural(list.length, { one: "# time", other: "# times" })}`,
      explanation: root
        ? msg`A password alone protected the root account. Require MFA for console sign-in (RAM security settings).`
        : msg`A password alone protected this account. Require MFA for console sign-in (RAM security settings).`,
      subject: { kind: "user" as const, value: user },
      evidence: [
        {
          label: msg`Addresses`,
          values: distinct(list.map((e) => e.sourceIp)),
        },
        {
          label: msg`Identity type`,
          values: distinct(list.map((e) => e.identityType)),
        },
      ],
      firstMs: list[0]!.timeMs,
      lastMs: list.at(-1)!.timeMs,
      regions: distinct(list.map((e) => e.region).filter(Boolean)),
      eventIds: list.map((e) => e.id),
      filters: [
        { key: "User", value: user },
        { key: "EventName", value: "ConsoleSignin" },
      ],
      pivots: [],
    };
  });
}
