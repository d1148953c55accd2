import { useQuery, useQueryClient } from "@tanstack/react-query";
import { testGatewayRule } from "@/api/gateway-alerts";
import type { GatewayDestination } from "@/api/schemas/alerts";
import { nextRunAt } from "@/lib/alerts/schedule";
import { TEST_WINDOW_MINUTES } from "@/lib/alerts/run-rule";
import {
  useAlertsStore,
  type AlertRule,
  type Firing,
  type RuleRun,
} from "@/stores/alerts-store";
import { useDeleteGatewayRule, useSaveGatewayRule } from "./mutations";
import {
  gatewayDestinationsQueryOptions,
  gatewayFiringsQueryOptions,
  gatewayRulesQueryOptions,
  useGatewayAlerts,
} from "./queries";
import { runRule, type RunResult } from "./run-rule";
import { allRegions, newId } from "./scheduler";

/** A rule as the alerts screen shows it, wherever it is kept. */
export interface RuleEntry {
  rule: AlertRule;
  /** The gateway's destinations its firings go to (gateway rules). */
  destinationIds: string[];
  lastRun: RuleRun | undefined;
  next: number | undefined;
  /** Deliveries that gave up, or wait for a paused destination (gateway rules). */
  failedDeliveries: number;
  heldDeliveries: number;
}

/**
 * Where the alerts screen's rules live and run: the gateway (live mode with
 * GATEWAY_ALERTS_STORE: its store, its scheduler, changes sent to it) or
 * this browser (the simulated account, or a gateway without alerts).
 */
export interface RuleSource {
  where: "gateway" | "console";
  rules: RuleEntry[];
  firings: Firing[];
  /** The gateway's destinations (masked); undefined in the console. */
  destinations: GatewayDestination[] | undefined;
  pending: boolean;
  error: unknown;
  /** Resolves once kept; rejects with the reason (a read-only gateway's refusal). */
  save: (
    rule: AlertRule,
    destinationIds: string[],
    isNew: boolean,
  ) => Promise<void>;
  setEnabled: (entry: RuleEntry, enabled: boolean) => Promise<void>;
  remove: (id: string) => Promise<void>;
  /** Runs the rule over the last day and says what it would send; records nothing. */
  test: (rule: AlertRule) => Promise<RunResult>;
}

export function useRuleSource(clock: () => number): RuleSource {
  const onGateway = useGatewayAlerts();
  const local = useLocalRules(clock);
  const gateway = useGatewayRules(onGateway);
  return onGateway ? gateway : local;
}

function useLocalRules(clock: () => number): RuleSource {
  const client = useQueryClient();
  const rules = useAlertsStore((s) => s.rules);
  const lastRuns = useAlertsStore((s) => s.lastRuns);
  const firings = useAlertsStore((s) => s.firings);
  const { saveRule, setEnabled, deleteRule } = useAlertsStore.getState();
  return {
    where: "console",
    rules: rules.map((rule) => ({
      rule,
      destinationIds: [],
      lastRun: lastRuns[rule.id],
      next: nextRunAt(rule, lastRuns[rule.id]),
      failedDeliveries: 0,
      heldDeliveries: 0,
    })),
    firings,
    destinations: undefined,
    pending: false,
    error: undefined,
    save: (rule, _ids, isNew) => {
      saveRule(isNew ? { ...rule, createdAt: clock() } : rule);
      return Promise.resolve();
    },
    setEnabled: (entry, enabled) => {
      setEnabled(entry.rule.id, enabled);
      return Promise.resolve();
    },
    remove: (id) => {
      deleteRule(id);
      return Promise.resolve();
    },
    test: async (rule) =>
      runRule(rule, {
        regions: await allRegions(client),
        now: clock(),
        windowMinutes: TEST_WINDOW_MINUTES,
        firings: [],
        newId,
      }),
  };
}

function useGatewayRules(enabled: boolean): RuleSource {
  const rules = useQuery({ ...gatewayRulesQueryOptions(), enabled });
  const firings = useQuery({ ...gatewayFiringsQueryOptions(), enabled });
  const destinations = useQuery({
    ...gatewayDestinationsQueryOptions(),
    enabled,
  });
  const save = useSaveGatewayRule();
  const remove = useDeleteGatewayRule();
  return {
    where: "gateway",
    rules: (rules.data ?? []).map((view) => ({
      rule: view,
      destinationIds: view.destinationIds,
      lastRun: view.lastRun ?? undefined,
      next: view.nextRunAt ?? undefined,
      failedDeliveries: view.failedDeliveries,
      heldDeliveries: view.heldDeliveries,
    })),
    firings: firings.data ?? [],
    destinations: destinations.data,
    pending: rules.isPending,
    error: rules.error ?? undefined,
    save: async (rule, destinationIds, isNew) => {
      await save.mutateAsync({
        id: isNew ? undefined : rule.id,
        rule: { ...rule, destinationIds },
      });
    },
    setEnabled: async (entry, on) => {
      await save.mutateAsync({
        id: entry.rule.id,
        rule: {
          ...entry.rule,
          enabled: on,
          destinationIds: entry.destinationIds,
        },
      });
    },
    remove: async (id) => {
      await remove.mutateAsync(id);
    },
    test: async (rule) => {
      const result = await testGatewayRule(rule.id);
      return {
        run: result.run,
        firing: result.firing ?? undefined,
        matched: [],
      };
    },
  };
}
