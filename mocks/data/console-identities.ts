/**
 * Who the visitor is, as ActionTrail records it, when the console calls the
 * simulated account: the demo identities (admin, auditor) are RAM users of
 * the account calling through Trailscope's signing gateway.
 */
import type { DemoIdentity } from "@/lib/demo-controls";

export interface ConsoleIdentity {
  userName: string;
  principalId: string;
  accessKeyId: string;
}

export const CONSOLE_IDENTITIES: Record<DemoIdentity, ConsoleIdentity> = {
  admin: {
    userName: "trailscope-admin",
    principalId: "257790314402981135",
    accessKeyId: "LTAI5tTsAdmin8Qw3Zk",
  },
  auditor: {
    userName: "trailscope-auditor",
    principalId: "231846620975513048",
    accessKeyId: "LTAI5tTsAudit2Lm7Vp",
  },
};

/** The address and client the console's calls come from. */
export const CONSOLE_SOURCE_IP = "203.0.113.77";
export const CONSOLE_USER_AGENT =
  "Trailscope/0.1 (console; signing gateway) AlibabaCloud (browser) TeaDSL/1";
