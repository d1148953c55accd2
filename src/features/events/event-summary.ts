import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";

/** How the call was made, judged from eventType and userAgent. */
export function clientKind(event: AuditEvent): string {
  const ua = event.userAgent.toLowerCase();
  if (event.type === "ConsoleSignin" || event.type === "ConsoleSignout")
    return t`Console sign-in`;
  if (event.type === "ConsoleOperation" || ua.includes("aliyunconsole"))
    return t`Console`;
  if (event.type === "AliyunServiceEvent" || event.identityType === "system")
    return t`Cloud service`;
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
  if (ua.includes("mozilla")) return t`Browser`;
  return "API";
}

const IDENTITY_LABELS: Record<string, MessageDescriptor> = {
  "root-account": msg`root account`,
  "ram-user": msg`RAM user`,
  "assumed-role": msg`assumed role`,
  system: msg`cloud service`,
};

/** The identity type in the reader's language; an unknown type as sent. */
export function identityLabel(type: string): string {
  const label = IDENTITY_LABELS[type];
  return label ? i18n._(label) : type || t`unknown identity`;
}

export function resultLabel(event: AuditEvent): string {
  const code = event.errorCode;
  return code ? t`Failed: ${code}` : t`Succeeded`;
}
