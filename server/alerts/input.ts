import { z } from "zod";
import type {
  AlertSchedule,
  AlertSeverity,
  ConsoleDestination,
} from "../../src/lib/alerts/rule";
import type { DestinationSettings } from "./store";

/**
 * What the console may send to create or change a rule or a destination,
 * checked strictly (unknown fields refused). The rule is the console's own
 * shape (src/stores/alerts-store.ts) plus `destinationIds`.
 */
const SCHEDULES = [5, 15, 60] as const satisfies readonly AlertSchedule[];
const SEVERITIES = [
  "low",
  "medium",
  "high",
  "critical",
] as const satisfies readonly AlertSeverity[];
const CONSOLE_DESTINATIONS = [
  "centre",
  "browser",
] as const satisfies readonly ConsoleDestination[];
const WEEK_MINUTES = 7 * 24 * 60;

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1).max(200);

export const ruleInputSchema = z.strictObject({
  name,
  starter: text(100).optional(),
  source: z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("detection"),
      ruleIds: z.array(text(200)).min(1).max(100),
      eventNames: z.array(text(200)).max(100).optional(),
    }),
    z.strictObject({
      kind: z.literal("search"),
      conditions: z
        .array(z.strictObject({ key: text(100), value: text(1_000) }))
        .min(1)
        .max(10),
    }),
    z.strictObject({ kind: z.literal("failures") }),
  ]),
  threshold: z.int().min(1).max(1_000_000),
  windowMinutes: z.int().min(1).max(WEEK_MINUTES),
  scheduleMinutes: z.union(SCHEDULES.map((m) => z.literal(m))),
  severity: z.enum(SEVERITIES),
  quietMinutes: z.int().min(0).max(WEEK_MINUTES).default(60),
  perIdentity: z.boolean().default(false),
  destinations: z.array(z.enum(CONSOLE_DESTINATIONS)).max(2).default([]),
  destinationIds: z.array(text(100)).max(20).default([]),
  enabled: z.boolean().default(true),
});

export type RuleInput = z.output<typeof ruleInputSchema>;

const url = text(2_000).min(1);
/** On a change, a blank or absent secret keeps the stored one. */
const secret = text(500).optional();
const email = z.email().max(320);
/** Also send the trail watch's notices (delivery confirmations, stopped/failing/late trails) here. */
const deliveryConfirmations = z.boolean().default(false);

export const destinationInputSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("webhook"),
    name,
    url,
    secret,
    deliveryConfirmations,
  }),
  z.strictObject({
    kind: z.literal("dingtalk"),
    name,
    url,
    secret,
    deliveryConfirmations,
  }),
  z.strictObject({
    kind: z.literal("email"),
    name,
    deliveryConfirmations,
    host: text(255).min(1),
    port: z.int().min(1).max(65_535),
    secure: z.boolean(),
    user: text(320).default(""),
    password: secret,
    from: email,
    to: z.array(email).min(1).max(20),
  }),
]);

export type DestinationInput = z.output<typeof destinationInputSchema>;

export class InputError extends Error {
  override readonly name = "InputError";
}

/** Settings from an input, keeping the stored secret where none was sent; throws InputError. */
export function settingsFrom(
  input: DestinationInput,
  previous?: DestinationSettings,
): DestinationSettings {
  const kept = previous?.kind === input.kind ? previous : undefined;
  if (input.kind === "email") {
    const password =
      input.password || (kept?.kind === "email" ? kept.password : "");
    return {
      kind: "email",
      host: input.host,
      port: input.port,
      secure: input.secure,
      user: input.user,
      password,
      from: input.from,
      to: input.to,
    };
  }
  // A URL left as its masked form keeps the stored one.
  const sameUrl = input.url.includes("••••") && kept && kept.kind !== "email";
  const urlValue = sameUrl ? kept.url : input.url;
  const secretValue =
    input.secret || (kept && kept.kind !== "email" ? kept.secret : "");
  if (input.kind === "webhook" && !secretValue)
    throw new InputError(
      "A webhook needs a signing secret (the receiver checks X-Trailscope-Signature with it).",
    );
  return { kind: input.kind, url: urlValue, secret: secretValue };
}

/** The first problem zod found, in words. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request body is not valid.";
  const where = issue.path.length ? issue.path.join(".") : "body";
  return `${where}: ${issue.message}`.slice(0, 300);
}
