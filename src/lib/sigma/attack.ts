import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";

/**
 * MITRE ATT&CK Enterprise v19 tactics, and the names of the techniques
 * Trailscope's rules and detectors use. v19 retired Defense Evasion: hiding
 * is Stealth (TA0005, the old ID), weakening defences is Defense Impairment
 * (TA0112); Impair Defenses (T1562) became Disable or Modify Tools (T1685) and
 * Disable or Modify System Firewall (T1686).
 *
 * Sigma tags: `attack.<tactic-slug>` (`attack.defense-impairment`) and
 * `attack.t<id>` (`attack.t1685.002`).
 */

export interface Tactic {
  id: string;
  slug: string;
  name: string;
}

export const TACTICS: readonly Tactic[] = [
  { id: "TA0043", slug: "reconnaissance", name: "Reconnaissance" },
  { id: "TA0042", slug: "resource-development", name: "Resource Development" },
  { id: "TA0001", slug: "initial-access", name: "Initial Access" },
  { id: "TA0002", slug: "execution", name: "Execution" },
  { id: "TA0003", slug: "persistence", name: "Persistence" },
  { id: "TA0004", slug: "privilege-escalation", name: "Privilege Escalation" },
  { id: "TA0005", slug: "stealth", name: "Stealth" },
  { id: "TA0112", slug: "defense-impairment", name: "Defense Impairment" },
  { id: "TA0006", slug: "credential-access", name: "Credential Access" },
  { id: "TA0007", slug: "discovery", name: "Discovery" },
  { id: "TA0008", slug: "lateral-movement", name: "Lateral Movement" },
  { id: "TA0009", slug: "collection", name: "Collection" },
  { id: "TA0011", slug: "command-and-control", name: "Command and Control" },
  { id: "TA0010", slug: "exfiltration", name: "Exfiltration" },
  { id: "TA0040", slug: "impact", name: "Impact" },
];

/**
 * Tactic names for people, in the reader's language (MITRE's English name is
 * the message): translate at render with `i18n._(tacticLabel(id))`. Sigma
 * tags and filters keep the English `name`.
 */
const TACTIC_LABELS: Readonly<Record<string, MessageDescriptor>> = {
  TA0043: msg`Reconnaissance`,
  TA0042: msg`Resource Development`,
  TA0001: msg`Initial Access`,
  TA0002: msg`Execution`,
  TA0003: msg`Persistence`,
  TA0004: msg`Privilege Escalation`,
  TA0005: msg`Stealth`,
  TA0112: msg`Defense Impairment`,
  TA0006: msg`Credential Access`,
  TA0007: msg`Discovery`,
  TA0008: msg`Lateral Movement`,
  TA0009: msg`Collection`,
  TA0011: msg`Command and Control`,
  TA0010: msg`Exfiltration`,
  TA0040: msg`Impact`,
};

/** The tactic's name for people; its ID when Trailscope does not know it. */
export const tacticLabel = (id: string): MessageDescriptor =>
  TACTIC_LABELS[id] ?? { id, message: id };

export const TECHNIQUES: Readonly<Record<string, string>> = {
  T1078: "Valid Accounts",
  "T1078.004": "Valid Accounts: Cloud Accounts",
  T1098: "Account Manipulation",
  "T1098.001": "Account Manipulation: Additional Cloud Credentials",
  "T1098.003": "Account Manipulation: Additional Cloud Roles",
  "T1136.003": "Create Account: Cloud Account",
  T1110: "Brute Force",
  "T1110.001": "Brute Force: Password Guessing",
  T1556: "Modify Authentication Process",
  "T1556.006": "Modify Authentication Process: Multi-Factor Authentication",
  T1201: "Password Policy Discovery",
  T1685: "Disable or Modify Tools",
  "T1685.002": "Disable or Modify Tools: Disable or Modify Cloud Log",
  "T1686.001": "Disable or Modify System Firewall: Cloud Firewall",
  T1070: "Indicator Removal",
  T1535: "Unused/Unsupported Cloud Regions",
  T1578: "Modify Cloud Compute Infrastructure",
  "T1578.002": "Modify Cloud Compute Infrastructure: Create Cloud Instance",
  "T1578.005":
    "Modify Cloud Compute Infrastructure: Modify Cloud Compute Configurations",
  T1530: "Data from Cloud Storage",
  T1537: "Transfer Data to Cloud Account",
  T1485: "Data Destruction",
  "T1485.001": "Data Destruction: Lifecycle-Triggered Deletion",
  T1486: "Data Encrypted for Impact",
  T1490: "Inhibit System Recovery",
  T1489: "Service Stop",
  T1496: "Resource Hijacking",
  T1190: "Exploit Public-Facing Application",
  T1133: "External Remote Services",
  T1580: "Cloud Infrastructure Discovery",
  T1526: "Cloud Service Discovery",
  "T1087.004": "Account Discovery: Cloud Account",
  "T1069.003": "Permission Groups Discovery: Cloud Groups",
  T1651: "Cloud Administration Command",
  "T1059.009": "Command and Scripting Interpreter: Cloud API",
  "T1552.005": "Unsecured Credentials: Cloud Instance Metadata API",
  T1555: "Credentials from Password Stores",
  "T1555.006":
    "Credentials from Password Stores: Cloud Secrets Management Stores",
  T1525: "Implant Internal Image",
  "T1484.002": "Domain or Tenant Policy Modification: Trust Modification",
  "T1548.005":
    "Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access",
  "T1021.007": "Remote Services: Cloud Services",
};

/**
 * The tactics each technique above belongs to in v19. Techniques that sat
 * under Defense Evasion before v19 are placed from MITRE's description of the
 * split (hiding → Stealth, weakening defences → Defense Impairment); for
 * T1556, T1578 and T1484 that placement is our reading, not a copied table.
 */
export const TECHNIQUE_TACTICS: Readonly<Record<string, readonly string[]>> = {
  T1078: ["initial-access", "persistence", "privilege-escalation", "stealth"],
  "T1078.004": [
    "initial-access",
    "persistence",
    "privilege-escalation",
    "stealth",
  ],
  T1098: ["persistence", "privilege-escalation"],
  "T1098.001": ["persistence", "privilege-escalation"],
  "T1098.003": ["persistence", "privilege-escalation"],
  "T1136.003": ["persistence"],
  T1110: ["credential-access"],
  "T1110.001": ["credential-access"],
  T1556: ["credential-access", "persistence", "defense-impairment"],
  "T1556.006": ["credential-access", "persistence", "defense-impairment"],
  T1201: ["discovery"],
  T1685: ["defense-impairment"],
  "T1685.002": ["defense-impairment"],
  "T1686.001": ["defense-impairment"],
  T1070: ["stealth"],
  T1535: ["stealth"],
  T1578: ["stealth"],
  "T1578.002": ["stealth"],
  "T1578.005": ["stealth"],
  T1530: ["collection"],
  T1537: ["exfiltration"],
  T1485: ["impact"],
  "T1485.001": ["impact"],
  T1486: ["impact"],
  T1490: ["impact"],
  T1489: ["impact"],
  T1496: ["impact"],
  T1190: ["initial-access"],
  T1133: ["initial-access", "persistence"],
  T1580: ["discovery"],
  T1526: ["discovery"],
  "T1087.004": ["discovery"],
  "T1069.003": ["discovery"],
  T1651: ["execution"],
  "T1059.009": ["execution"],
  "T1552.005": ["credential-access"],
  T1555: ["credential-access"],
  "T1555.006": ["credential-access"],
  T1525: ["persistence"],
  "T1484.002": ["privilege-escalation", "stealth"],
  "T1548.005": ["privilege-escalation", "stealth"],
  "T1021.007": ["lateral-movement"],
};

const TACTIC_BY_SLUG = new Map(TACTICS.map((t) => [t.slug, t]));

/** Tactics named by `attack.<slug>` tags (unknown slugs, like the retired defense-evasion, are left out). */
export function tacticsOf(tags: readonly string[]): Tactic[] {
  return tags
    .map((t) => t.toLowerCase())
    .filter((t) => t.startsWith("attack."))
    .map((t) => TACTIC_BY_SLUG.get(t.slice(7)))
    .filter((t): t is Tactic => t !== undefined);
}

/** Technique IDs named by `attack.t<id>` tags, upper case (`T1685.002`). */
export function techniquesOf(tags: readonly string[]): string[] {
  return tags
    .map((t) => t.toLowerCase())
    .filter((t) => /^attack\.t\d{4}(\.\d{3})?$/.test(t))
    .map((t) => t.slice(7).toUpperCase());
}
