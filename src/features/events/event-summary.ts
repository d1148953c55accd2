import type { AuditEvent } from "@/api/schemas/event";

/** How the call was made, judged from eventType and userAgent. */
export function clientKind(event: AuditEvent): string {
  const ua = event.userAgent.toLowerCase();
  if (event.type === "ConsoleSignin" || event.type === "ConsoleSignout")
    return "Console sign-in";
  if (event.type === "ConsoleOperation" || ua.includes("aliyunconsole"))
    return "Console";
  if (event.type === "AliyunServiceEvent" || event.identityType === "system")
    return "Cloud service";
  if (ua.includes("aliyuncli") || ua.includes("aliyun-cli")) return "CLI";
  if (ua.includes("terraform")) return "Terraform";
  if (
    ua.includes("sdk") ||
    ua.includes("tea") ||
    ua.includes("python") ||
    ua.includes("java") ||
    ua.includes("go-") ||
    ua.includes("node")
  )
    return "SDK";
  if (ua.includes("mozilla")) return "Browser";
  return "API";
}

export const IDENTITY_LABELS: Record<string, string> = {
  "root-account": "root account",
  "ram-user": "RAM user",
  "assumed-role": "assumed role",
  system: "cloud service",
};

export const identityLabel = (type: string): string =>
  IDENTITY_LABELS[type] ?? (type || "unknown identity");

export const resultLabel = (event: AuditEvent): string =>
  event.errorCode ? `Failed: ${event.errorCode}` : "Succeeded";
