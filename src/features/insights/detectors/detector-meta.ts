import type { Level } from "@/lib/sigma/compile";

/**
 * What each stateful detector looks for, in the same shape as a Sigma rule's
 * metadata (id, title, description, level, false positives, ATT&CK v19 tags),
 * so coverage and the rule list treat rules and detectors alike.
 */
export interface DetectorMeta {
  id: string;
  title: string;
  description: string;
  /** The highest level its detections reach. */
  level: Level;
  falsepositives: string[];
  tags: string[];
}

export type DetectorName =
  | "new-address"
  | "dormant-credential"
  | "call-rate"
  | "error-rate"
  | "signin-failures"
  | "no-mfa-signin"
  | "sensitive-action"
  | "enumeration";

export const DETECTOR_META: Readonly<Record<DetectorName, DetectorMeta>> = {
  "new-address": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1001",
    title: "Credential used from a new network or region",
    description:
      "An identity or AccessKey calls from networks (/24, or the first three IPv6 groups) and regions it had not used before that call, within the range looked at. Two or more new addresses, or a new region, make a detection.",
    level: "high",
    falsepositives: [
      "Travel",
      "New office or VPN exit addresses",
      "CI runners moved to another region",
    ],
    tags: [
      "attack.initial-access",
      "attack.t1078.004",
      "attack.stealth",
      "attack.t1535",
    ],
  },
  "dormant-credential": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1002",
    title: "Dormant credential active",
    description:
      "An AccessKey or identity with no activity in the range until well after it started suddenly makes calls. With no baseline to compare with, the first activity is itself the finding.",
    level: "high",
    falsepositives: [
      "Monthly jobs",
      "People back from leave",
      "New users and keys (check that someone created them)",
    ],
    tags: ["attack.initial-access", "attack.persistence", "attack.t1078.004"],
  },
  "call-rate": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1003",
    title: "Call-rate burst against the credential's own history",
    description:
      "An hour in which an actor makes far more calls than in any earlier hour, or works at an hour of the day it never worked before.",
    level: "high",
    falsepositives: ["Deployments", "Batch migrations"],
    tags: [
      "attack.impact",
      "attack.t1496",
      "attack.execution",
      "attack.t1059.009",
    ],
  },
  "error-rate": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1004",
    title: "Error-rate burst",
    description:
      "An hour in which most of an identity's calls failed, well above its usual error count: probing what a credential may do.",
    level: "high",
    falsepositives: ["Misconfigured automation after a permission change"],
    tags: ["attack.discovery", "attack.t1580", "attack.t1526"],
  },
  "signin-failures": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1005",
    title: "Failed console sign-ins, then a success",
    description:
      "Three or more failed console sign-ins of a user within 30 minutes; high when a successful sign-in follows.",
    level: "high",
    falsepositives: ["Forgotten passwords"],
    tags: [
      "attack.credential-access",
      "attack.t1110.001",
      "attack.initial-access",
      "attack.t1078.004",
    ],
  },
  "no-mfa-signin": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1006",
    title: "Console sign-in without MFA",
    description:
      "Successful console sign-ins the event says were made without MFA.",
    level: "high",
    falsepositives: ["Users not yet enrolled in MFA"],
    tags: [
      "attack.initial-access",
      "attack.t1078.004",
      "attack.credential-access",
      "attack.t1556.006",
    ],
  },
  "sensitive-action": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1007",
    title: "Sensitive change",
    description:
      "Trail tampering, administrator policies, new AccessKeys, public buckets, internet-open security groups and deletions of protective resources.",
    level: "high",
    falsepositives: ["Planned administrative changes"],
    tags: [
      "attack.defense-impairment",
      "attack.t1685.002",
      "attack.t1686.001",
      "attack.privilege-escalation",
      "attack.t1098.003",
      "attack.persistence",
      "attack.t1098.001",
      "attack.collection",
      "attack.t1530",
    ],
  },
  enumeration: {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1008",
    title: "One identity enumerating many services",
    description:
      "Within one hour an identity makes many Describe, List or Get calls across several services, more services than in any earlier hour of its own: what an intruder does first with a new credential.",
    level: "high",
    falsepositives: [
      "Inventory and security-posture scanners (expect them in their first hour)",
    ],
    tags: [
      "attack.discovery",
      "attack.t1580",
      "attack.t1526",
      "attack.t1087.004",
      "attack.t1069.003",
    ],
  },
};
