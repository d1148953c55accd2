import {
  auditEventSchema,
  type AuditEvent,
  type RawEvent,
} from "@/api/schemas/event";

/** What a handmade test event may set; everything else gets a plain default. */
export interface EventSpec {
  id?: string;
  time: number | string;
  name?: string;
  rw?: "Read" | "Write";
  type?: string;
  service?: string;
  region?: string;
  ip?: string;
  user?: string;
  identityType?: string;
  accessKeyId?: string;
  mfa?: boolean;
  errorCode?: string;
  resourceType?: string;
  resourceName?: string;
  userAgent?: string;
  params?: Record<string, unknown>;
  response?: Record<string, unknown>;
}

let counter = 0;

/**
 * Builds an event through the same schema the API client uses (wire shape →
 * AuditEvent), for unit tests of pure functions over small handmade event sets.
 */
export function makeEvent(spec: EventSpec): AuditEvent {
  counter++;
  const time =
    typeof spec.time === "number"
      ? new Date(spec.time).toISOString().replace(/\.\d{3}Z$/, "Z")
      : spec.time;
  const raw: RawEvent = {
    eventId: spec.id ?? `evt-${counter}`,
    eventVersion: 1,
    eventTime: time,
    eventName: spec.name ?? "DescribeInstances",
    eventType:
      spec.type ??
      (spec.name === "ConsoleSignin" ? "ConsoleSignin" : "ApiCall"),
    eventRW: spec.rw ?? "Read",
    eventCategory: "Management",
    serviceName: spec.service ?? "Ecs",
    acsRegion: spec.region ?? "cn-hangzhou",
    requestId: `req-${counter}`,
    sourceIpAddress: spec.ip ?? "203.0.113.24",
    userAgent: spec.userAgent ?? "aliyuncli/3.0.200",
    userIdentity: {
      type: spec.identityType ?? "ram-user",
      principalId: "2845",
      accountId: "1498326459723841",
      userName: spec.user ?? "li.wei",
      ...(spec.accessKeyId ? { accessKeyId: spec.accessKeyId } : {}),
      ...(spec.mfa !== undefined
        ? {
            sessionContext: {
              attributes: { mfaAuthenticated: String(spec.mfa) },
            },
          }
        : {}),
    },
    requestParameters: spec.params ?? {},
    responseElements: spec.response ?? {},
    errorCode: spec.errorCode ?? "",
    errorMessage: spec.errorCode ? "refused" : "",
    resourceType: spec.resourceType ?? "",
    resourceName: spec.resourceName ?? "",
  };
  return auditEventSchema.parse(raw);
}

/** Epoch ms of a UTC day + hour, relative to a fixed test epoch (2026-11-01). */
export const at = (day: number, hour: number, minute = 0): number =>
  Date.UTC(2026, 10, 1 + day, hour, minute);
