import { msg } from "@lingui/core/macro";
import type { MessageDescriptor } from "@lingui/core";
import type {
  AlertRule,
  AlertSeverity,
  AlertSource,
} from "@/stores/alerts-store";

/**
 * Starter rules mirroring ActionTrail's built-in event alerts. Like the
 * service, each runs every 15 minutes over the last 30 minutes of events and
 * notifies at most once an hour; detection starters use the Sigma pack's
 * rules by id (src/lib/sigma/rules).
 */
export interface Starter {
  id: string;
  label: MessageDescriptor;
  source: AlertSource;
  severity: AlertSeverity;
  threshold: number;
  perIdentity?: boolean;
}

export const STARTERS: readonly Starter[] = [
  {
    id: "trail-stopped",
    label: msg`A trail stopped or deleted`,
    source: {
      kind: "detection",
      eventNames: ["StopLogging", "DeleteTrail"],
      ruleIds: [
        "db3568a9-740c-5f04-a0dd-ec85185ae90b", // actiontrail-stop-logging
        "c9f0eaad-1f71-5b2f-bee4-f04ad9fa44f7", // actiontrail-delete-trail
      ],
    },
    severity: "critical",
    threshold: 1,
  },
  {
    id: "access-key-created",
    label: msg`AccessKey created`,
    source: {
      kind: "search",
      conditions: [{ key: "EventName", value: "CreateAccessKey" }],
    },
    severity: "high",
    threshold: 1,
  },
  {
    id: "root-signin",
    label: msg`Root account sign-in`,
    source: {
      kind: "detection",
      eventNames: ["ConsoleSignin"],
      ruleIds: ["3372c75a-7637-52d2-b633-1ca3145beb7a"],
    },
    severity: "high",
    threshold: 1,
  },
  {
    id: "signin-without-mfa",
    label: msg`Sign-in without MFA`,
    source: {
      kind: "detection",
      eventNames: ["ConsoleSignin"],
      ruleIds: ["e108d341-db4c-57f7-ba41-84114de85b27"],
    },
    severity: "medium",
    threshold: 1,
  },
  {
    id: "policy-attached-to-user",
    label: msg`A policy attached to a user`,
    source: {
      kind: "search",
      conditions: [{ key: "EventName", value: "AttachPolicyToUser" }],
    },
    severity: "medium",
    threshold: 1,
  },
  {
    id: "security-group-open",
    label: msg`A security group opened to 0.0.0.0/0`,
    source: {
      kind: "detection",
      eventNames: ["AuthorizeSecurityGroup", "ModifySecurityGroupRule"],
      ruleIds: ["2f18a0a3-bfd1-5b10-80f3-699ece1e61eb"],
    },
    severity: "high",
    threshold: 1,
  },
  {
    id: "bucket-public",
    label: msg`An OSS bucket made public`,
    source: {
      kind: "detection",
      eventNames: ["PutBucketAcl", "PutBucketPolicy"],
      ruleIds: [
        "b6c00b08-463a-5ea6-8416-86c404b29ecf", // oss-bucket-acl-public
        "2391c4e9-ff6a-51f3-8099-0b0211a0e336", // oss-bucket-policy-public
      ],
    },
    severity: "critical",
    threshold: 1,
  },
  {
    id: "failed-calls",
    label: msg`Many failed calls from one identity`,
    source: { kind: "failures" },
    severity: "medium",
    threshold: 20,
    perIdentity: true,
  },
];

/** ActionTrail's cadence: every 15 minutes over 30, quiet for an hour. */
export const DEFAULTS = {
  windowMinutes: 30,
  scheduleMinutes: 15,
  quietMinutes: 60,
} as const;

/** A new rule from a starter, named in the reader's language. */
export function ruleFromStarter(
  starter: Starter,
  name: string,
  id: string,
  now: number,
): AlertRule {
  return {
    id,
    name,
    starter: starter.id,
    source: starter.source,
    threshold: starter.threshold,
    perIdentity: Boolean(starter.perIdentity),
    severity: starter.severity,
    ...DEFAULTS,
    destinations: ["centre", "browser"],
    enabled: true,
    createdAt: now,
  };
}
