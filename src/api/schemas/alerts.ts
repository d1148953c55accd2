import { z } from "zod";
import { CONSOLE_DESTINATIONS, SCHEDULES, SEVERITIES } from "@/lib/alerts/rule";

/**
 * What the gateway's `/api/_alerts/…` answers (server/alerts/routes.ts):
 * rules with their last and next run, masked destinations, firings with
 * their deliveries, delivery warnings and trail delivery notices. The
 * shapes are the console's own (src/lib/alerts/rule.ts); extra fields are
 * tolerated, missing or mistyped ones fail loudly.
 */
const sourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("detection"),
    ruleIds: z.array(z.string()),
    eventNames: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal("search"),
    conditions: z.array(z.object({ key: z.string(), value: z.string() })),
  }),
  z.object({ kind: z.literal("failures") }),
]);

const severitySchema = z.enum(SEVERITIES);

export const ruleRunSchema = z.object({
  at: z.number(),
  windowStart: z.number(),
  windowEnd: z.number(),
  matched: z.number(),
  outcome: z.enum(["fired", "quiet", "below", "failed"]),
  partial: z.boolean(),
  error: z.string().optional(),
});

export const gatewayRuleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  starter: z.string().optional(),
  source: sourceSchema,
  threshold: z.number(),
  windowMinutes: z.number(),
  scheduleMinutes: z.union(SCHEDULES.map((m) => z.literal(m))),
  severity: severitySchema,
  quietMinutes: z.number(),
  perIdentity: z.boolean(),
  destinations: z.array(z.enum(CONSOLE_DESTINATIONS)),
  destinationIds: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.number(),
  lastRun: ruleRunSchema.nullable(),
  nextRunAt: z.number().nullable(),
  failedDeliveries: z.number().default(0),
  heldDeliveries: z.number().default(0),
});
export type GatewayRuleView = z.output<typeof gatewayRuleSchema>;

export const gatewayDestinationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["webhook", "dingtalk", "email"]),
  /** The masked address (`https://oapi.dingtalk.com/••••`); secrets never come back. */
  target: z.string(),
  secretSet: z.boolean(),
  paused: z.boolean(),
  pausedReason: z.string().optional(),
  /** Also receives the trails' delivery notices and confirmations. */
  deliveryConfirmations: z.boolean().default(false),
});
export type GatewayDestination = z.output<typeof gatewayDestinationSchema>;

const deliverySchema = z.object({
  id: z.string(),
  destinationId: z.string(),
  destinationName: z.string().nullable(),
  status: z.enum(["pending", "sent", "failed", "held"]),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.number().nullable(),
});

export const gatewayFiringSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  severity: severitySchema,
  at: z.number(),
  windowStart: z.number(),
  windowEnd: z.number(),
  count: z.number(),
  identity: z.string().optional(),
  events: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      timeMs: z.number(),
      region: z.string(),
      userName: z.string(),
    }),
  ),
  deliveries: z.array(deliverySchema).default([]),
});
export type GatewayFiring = z.output<typeof gatewayFiringSchema>;

export const gatewayWarningSchema = z.object({
  id: z.string(),
  at: z.number(),
  kind: z.enum(["delivery-failed", "destination-paused"]),
  destinationId: z.string(),
  ruleId: z.string().optional(),
  firingId: z.string().optional(),
  detail: z.string(),
});
export type GatewayWarning = z.output<typeof gatewayWarningSchema>;

/** A trail delivery notice the gateway's trail watch recorded (src/lib/alerts/trail-watch.ts). */
export const gatewayTrailNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(["delivery-warning", "delivery-ok"]),
  at: z.number(),
  trail: z.string(),
  level: z.string(),
  code: z.string().optional(),
  detail: z.string().optional(),
  /** A standing delivery confirmation comes read: it never counts as unread. */
  read: z.boolean().default(false),
});
export type GatewayTrailNotice = z.output<typeof gatewayTrailNoticeSchema>;

export const gatewayTestSchema = z.object({
  run: ruleRunSchema,
  wouldFire: z.boolean(),
  firing: gatewayFiringSchema.nullable(),
  message: z.string().nullable(),
});
