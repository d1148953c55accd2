import { z } from "zod";
import type { AlertRule } from "@/lib/alerts/rule";
import { gatewayJson } from "./client";
import {
  gatewayDestinationSchema,
  gatewayFiringSchema,
  gatewayRuleSchema,
  gatewayTestSchema,
  gatewayTrailNoticeSchema,
  gatewayWarningSchema,
} from "./schemas/alerts";

/**
 * The gateway's alerts (`/api/_alerts/…`, live mode with GATEWAY_ALERTS_STORE):
 * its rules, masked destinations, firings with deliveries, warnings and trail
 * notices, and the changes a signed-in person may ask for. Every answer is
 * checked by its schema; a refusal is an `ApiError` carrying the gateway's
 * reason (a read-only gateway answers 403 NoPermission).
 */
const BASE = "_alerts";

/** What the console sends for a rule: its settings and where its firings go. */
export type RuleInput = Omit<AlertRule, "id" | "createdAt"> & {
  destinationIds: string[];
};

const toInput = (rule: RuleInput): RuleInput => ({
  name: rule.name,
  ...(rule.starter ? { starter: rule.starter } : {}),
  source: rule.source,
  threshold: rule.threshold,
  windowMinutes: rule.windowMinutes,
  scheduleMinutes: rule.scheduleMinutes,
  severity: rule.severity,
  quietMinutes: rule.quietMinutes,
  perIdentity: rule.perIdentity,
  destinations: rule.destinations,
  destinationIds: rule.destinationIds,
  enabled: rule.enabled,
});

export const listGatewayRules = (signal?: AbortSignal) =>
  gatewayJson(
    "GET",
    `${BASE}/rules`,
    z.object({ rules: z.array(gatewayRuleSchema) }),
    { action: "ListAlertRules", signal },
  ).then((r) => r.rules);

export const createGatewayRule = (rule: RuleInput) =>
  gatewayJson("POST", `${BASE}/rules`, gatewayRuleSchema, {
    action: "CreateAlertRule",
    body: toInput(rule),
  });

export const updateGatewayRule = (id: string, rule: RuleInput) =>
  gatewayJson(
    "PUT",
    `${BASE}/rules/${encodeURIComponent(id)}`,
    gatewayRuleSchema,
    { action: "UpdateAlertRule", body: toInput(rule) },
  );

export const deleteGatewayRule = (id: string) =>
  gatewayJson(
    "DELETE",
    `${BASE}/rules/${encodeURIComponent(id)}`,
    z.undefined(),
    { action: "DeleteAlertRule" },
  );

export const testGatewayRule = (id: string, signal?: AbortSignal) =>
  gatewayJson(
    "POST",
    `${BASE}/rules/${encodeURIComponent(id)}/test`,
    gatewayTestSchema,
    { action: "TestAlertRule", signal },
  );

export const listGatewayDestinations = (signal?: AbortSignal) =>
  gatewayJson(
    "GET",
    `${BASE}/destinations`,
    z.object({ destinations: z.array(gatewayDestinationSchema) }),
    { action: "ListAlertDestinations", signal },
  ).then((r) => r.destinations);

export const listGatewayFirings = (signal?: AbortSignal) =>
  gatewayJson(
    "GET",
    `${BASE}/firings`,
    z.object({ firings: z.array(gatewayFiringSchema) }),
    { action: "ListAlertFirings", signal },
  ).then((r) => r.firings);

export const listGatewayWarnings = (signal?: AbortSignal) =>
  gatewayJson(
    "GET",
    `${BASE}/warnings`,
    z.object({ warnings: z.array(gatewayWarningSchema) }),
    { action: "ListAlertWarnings", signal },
  ).then((r) => r.warnings);

export const listGatewayTrailNotices = (signal?: AbortSignal) =>
  gatewayJson(
    "GET",
    `${BASE}/notices`,
    z.object({ notices: z.array(gatewayTrailNoticeSchema) }),
    { action: "ListTrailNotices", signal },
  ).then((r) => r.notices);
