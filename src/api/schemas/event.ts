import { z } from "zod";
import { internJson, type StringTable } from "@/lib/intern";

/**
 * The ActionTrail event as the service sends it. Only the fields Trailscope
 * cannot work without are required; everything else is optional because real
 * events omit fields, mask IDs (`****`) and vary types (`eventVersion` is a
 * number or a string). Unknown keys are allowed and kept in `raw`.
 *
 * Every string in an event was written by whoever made the call: hostile text.
 */
const optionalText = z.string().optional().nullable();
const looseRecord = z.record(z.string(), z.unknown());

export const userIdentityWireSchema = z.looseObject({
  type: optionalText,
  principalId: optionalText,
  accountId: optionalText,
  userName: optionalText,
  accessKeyId: optionalText,
  sessionContext: z
    .looseObject({
      attributes: z
        .looseObject({
          creationDate: optionalText,
          mfaAuthenticated: z
            .union([z.string(), z.boolean()])
            .optional()
            .nullable(),
        })
        .optional()
        .nullable(),
    })
    .optional()
    .nullable(),
});

export const eventWireSchema = z.looseObject({
  eventId: z.string(),
  eventVersion: z.union([z.number(), z.string()]).optional().nullable(),
  eventTime: z.string(),
  eventName: z.string(),
  eventType: optionalText,
  eventRW: optionalText,
  eventCategory: optionalText,
  eventSource: optionalText,
  serviceName: optionalText,
  apiVersion: optionalText,
  acsRegion: optionalText,
  isGlobal: z.union([z.boolean(), z.string()]).optional().nullable(),
  requestId: optionalText,
  sourceIpAddress: optionalText,
  userAgent: optionalText,
  userIdentity: userIdentityWireSchema.optional().nullable(),
  requestParameters: z.unknown().optional(),
  responseElements: z.unknown().optional(),
  additionalEventData: z.unknown().optional(),
  errorCode: optionalText,
  errorMessage: optionalText,
  resourceType: optionalText,
  resourceName: optionalText,
  referencedResources: looseRecord.optional().nullable(),
  eventAttributes: looseRecord.optional().nullable(),
  recipientAccountId: optionalText,
  vpcId: optionalText,
});

/** An event exactly as received (JSON-parsed, own keys only, never copied key by key). */
export type RawEvent = z.input<typeof eventWireSchema> &
  Record<string, unknown>;

export type IdentityType =
  "root-account" | "ram-user" | "assumed-role" | "system" | (string & {});

/** The UI's view of one event: flat, normalised, with the original kept in `raw`. */
export interface AuditEvent {
  id: string;
  /** ISO time as the service wrote it. */
  time: string;
  /** Epoch milliseconds; NaN when the service sent an unparsable time. */
  timeMs: number;
  name: string;
  type: string;
  rw: string;
  service: string;
  source: string;
  region: string;
  isGlobal: boolean;
  requestId: string;
  sourceIp: string;
  userAgent: string;
  identityType: IdentityType;
  userName: string;
  principalId: string;
  accountId: string;
  accessKeyId: string;
  /** `true` / `false` when the event says, `undefined` when it does not. */
  mfa: boolean | undefined;
  resourceType: string;
  resourceName: string;
  errorCode: string;
  errorMessage: string;
  sensitive: boolean;
  /** The event as the service sent it: the raw view, exports and copies use this. */
  raw: RawEvent;
}

const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : "";

function mfaOf(raw: z.output<typeof eventWireSchema>): boolean | undefined {
  const attr = raw.userIdentity?.sessionContext?.attributes?.mfaAuthenticated;
  if (attr === true || attr === "true") return true;
  if (attr === false || attr === "false") return false;
  const extra = raw.additionalEventData;
  if (extra && typeof extra === "object" && "MFAUsed" in extra) {
    const used = (extra as { MFAUsed?: unknown }).MFAUsed;
    if (used === "true" || used === "yes" || used === true) return true;
    if (used === "false" || used === "no" || used === false) return false;
  }
  return undefined;
}

/** Maps a validated wire event to the UI's shape; `raw` stays the original object. */
export function toAuditEvent(
  parsed: z.output<typeof eventWireSchema>,
  raw: RawEvent,
): AuditEvent {
  const identity = parsed.userIdentity ?? {};
  return {
    id: parsed.eventId,
    time: parsed.eventTime,
    timeMs: Date.parse(parsed.eventTime),
    name: parsed.eventName,
    type: text(parsed.eventType),
    rw: text(parsed.eventRW),
    service: text(parsed.serviceName),
    source: text(parsed.eventSource),
    region: text(parsed.acsRegion),
    isGlobal: parsed.isGlobal === true || parsed.isGlobal === "true",
    requestId: text(parsed.requestId),
    sourceIp: text(parsed.sourceIpAddress),
    userAgent: text(parsed.userAgent),
    identityType: text(identity.type),
    userName: text(identity.userName),
    principalId: text(identity.principalId),
    accountId: text(identity.accountId),
    accessKeyId: text(identity.accessKeyId),
    mfa: mfaOf(parsed),
    resourceType: text(parsed.resourceType),
    resourceName: text(parsed.resourceName),
    errorCode: text(parsed.errorCode),
    errorMessage: text(parsed.errorMessage),
    sensitive: text(parsed.eventAttributes?.SensitiveAction) === "true",
    raw,
  };
}

/**
 * Shares the strings of a parsed event with the other events of its read:
 * every string inside `raw` and every flat field becomes the table's copy
 * (in place; the event must be the caller's own, fresh from parsing). The
 * text is unchanged; only duplicate copies become garbage.
 */
export function compactEvent(
  event: AuditEvent,
  table: StringTable,
): AuditEvent {
  internJson(event.raw, table);
  const fields = event as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === "string") fields[key] = table.intern(value);
  }
  return event;
}

/**
 * Validates one event and maps it, keeping the caller's object as `raw` (zod
 * would otherwise rebuild it key by key; keys such as `__proto__` stay inert).
 */
export const auditEventSchema = z
  .unknown()
  .transform((input, ctx): AuditEvent => {
    const result = eventWireSchema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          path: issue.path,
        });
      }
      return z.NEVER;
    }
    return toAuditEvent(result.data, input as RawEvent);
  });

export const lookupEventsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    StartTime: z.string().optional(),
    EndTime: z.string().optional(),
    NextToken: z.string().optional().nullable(),
    Events: z.array(auditEventSchema).optional().default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    startTime: r.StartTime,
    endTime: r.EndTime,
    nextToken: r.NextToken ? r.NextToken : undefined,
    events: r.Events,
  }));

export type LookupEventsResult = z.output<typeof lookupEventsResponseSchema>;

/** The twelve LookupAttribute keys of LookupEvents (exact, case-sensitive). */
export const LOOKUP_ATTRIBUTE_KEYS = [
  "EventName",
  "User",
  "ServiceName",
  "ResourceType",
  "ResourceName",
  "EventRW",
  "EventAccessKeyId",
  "SourceIpAddress",
  "EventId",
  "SensitiveAction",
  "EventType",
  "RoleName",
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/**
 * The pairs of LookupAttribute keys LookupEvents accepts together (symmetric);
 * any other pair is refused with InvalidLookupAttributesException. The console
 * plans its conditions with it and the simulated account enforces it.
 */
const LOOKUP_ATTRIBUTE_PAIRS: Readonly<Record<string, readonly string[]>> = {
  ServiceName: [
    "EventName",
    "User",
    "PrincipalId",
    "RoleName",
    "ResourceName",
    "EventRW",
    "SensitiveAction",
    "EventType",
  ],
  ResourceName: [
    "ResourceType",
    "EventName",
    "User",
    "RoleName",
    "ServiceName",
  ],
  EventType: ["EventName"],
};

/** Whether LookupEvents takes `a` and `b` as its two attributes. */
export function canCombineLookupAttributes(a: string, b: string): boolean {
  return (
    a !== b &&
    (Boolean(LOOKUP_ATTRIBUTE_PAIRS[a]?.includes(b)) ||
      Boolean(LOOKUP_ATTRIBUTE_PAIRS[b]?.includes(a)))
  );
}

export interface LookupAttribute {
  Key: LookupAttributeKey | "PrincipalId";
  Value: string;
}

export interface LookupEventsParams {
  StartTime?: string;
  EndTime?: string;
  MaxResults?: number;
  Direction?: "BACKWARD" | "FORWARD";
  NextToken?: string;
  LookupAttribute?: LookupAttribute[];
}
