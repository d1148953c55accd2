import { queryOptions } from "@tanstack/react-query";
import {
  listGatewayDestinations,
  listGatewayFirings,
  listGatewayRules,
  listGatewayTrailNotices,
  listGatewayWarnings,
} from "@/api/gateway-alerts";
import { useSessionStore } from "@/stores/session-store";

/**
 * The gateway's alerts, read in live mode when the gateway keeps and runs
 * the rules (`/api/_whoami` says `alerts: true`). Polled, so a firing the
 * gateway's scheduler records shows up without a reload.
 */
export const GATEWAY_POLL_MS = 30_000;

export const gatewayAlertKeys = {
  all: ["alerts", "gateway"] as const,
  rules: () => [...gatewayAlertKeys.all, "rules"] as const,
  destinations: () => [...gatewayAlertKeys.all, "destinations"] as const,
  firings: () => [...gatewayAlertKeys.all, "firings"] as const,
  warnings: () => [...gatewayAlertKeys.all, "warnings"] as const,
  notices: () => [...gatewayAlertKeys.all, "notices"] as const,
};

export const gatewayRulesQueryOptions = () =>
  queryOptions({
    queryKey: gatewayAlertKeys.rules(),
    queryFn: ({ signal }) => listGatewayRules(signal),
    refetchInterval: GATEWAY_POLL_MS,
  });

export const gatewayDestinationsQueryOptions = () =>
  queryOptions({
    queryKey: gatewayAlertKeys.destinations(),
    queryFn: ({ signal }) => listGatewayDestinations(signal),
  });

export const gatewayFiringsQueryOptions = () =>
  queryOptions({
    queryKey: gatewayAlertKeys.firings(),
    queryFn: ({ signal }) => listGatewayFirings(signal),
    refetchInterval: GATEWAY_POLL_MS,
  });

export const gatewayWarningsQueryOptions = () =>
  queryOptions({
    queryKey: gatewayAlertKeys.warnings(),
    queryFn: ({ signal }) => listGatewayWarnings(signal),
    refetchInterval: GATEWAY_POLL_MS,
  });

export const gatewayNoticesQueryOptions = () =>
  queryOptions({
    queryKey: gatewayAlertKeys.notices(),
    queryFn: ({ signal }) => listGatewayTrailNotices(signal),
    refetchInterval: GATEWAY_POLL_MS,
  });

/** Whether the gateway keeps and runs the alert rules (live mode, GATEWAY_ALERTS_STORE set). */
export const useGatewayAlerts = (): boolean =>
  useSessionStore((s) => s.mode === "live" && s.gateway?.alerts === true);
