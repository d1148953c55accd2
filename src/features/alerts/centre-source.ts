import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type {
  GatewayFiring,
  GatewayTrailNotice,
  GatewayWarning,
} from "@/api/schemas/alerts";
import {
  useAlertsStore,
  type Firing,
  type Notice,
} from "@/stores/alerts-store";
import {
  gatewayFiringsQueryOptions,
  gatewayNoticesQueryOptions,
  gatewayWarningsQueryOptions,
  useGatewayAlerts,
} from "./queries";

/** What the notification centre lists, from this browser or from the gateway. */
export interface Centre {
  notices: Notice[];
  firings: readonly Firing[];
  markRead: (ids: readonly string[]) => void;
}

/**
 * The gateway's firings, delivery warnings and trail notices as the centre's
 * notices, read or unread as marked in this browser. Pure.
 */
export function gatewayNotices(
  firings: readonly GatewayFiring[],
  warnings: readonly GatewayWarning[],
  trails: readonly GatewayTrailNotice[],
  read: ReadonlySet<string>,
): Notice[] {
  const notices: Notice[] = [
    ...firings.map((f) => ({
      id: `n-${f.id}`,
      kind: "firing" as const,
      at: f.at,
      firingId: f.id,
    })),
    ...warnings.map((w) => ({
      id: w.id,
      kind: "destination-warning" as const,
      at: w.at,
      level: w.kind,
      detail: w.detail,
      firingId: w.firingId,
    })),
    ...trails.map((n) => ({
      id: n.id,
      kind: n.kind,
      at: n.at,
      trail: n.trail,
      level: n.level,
      code: n.code,
      detail: n.detail,
      standing: n.read,
    })),
  ].map(
    ({ standing, ...n }: { standing?: boolean } & Omit<Notice, "read">) => ({
      ...n,
      read: standing === true || read.has(n.id),
    }),
  );
  return notices;
}

export function useCentre(): Centre {
  const onGateway = useGatewayAlerts();
  const localNotices = useAlertsStore((s) => s.notices);
  const localFirings = useAlertsStore((s) => s.firings);
  const readRemote = useAlertsStore((s) => s.readRemote);
  const firings = useQuery({
    ...gatewayFiringsQueryOptions(),
    enabled: onGateway,
  });
  const warnings = useQuery({
    ...gatewayWarningsQueryOptions(),
    enabled: onGateway,
  });
  const trails = useQuery({
    ...gatewayNoticesQueryOptions(),
    enabled: onGateway,
  });
  const remote = useMemo(
    () =>
      gatewayNotices(
        firings.data ?? [],
        warnings.data ?? [],
        trails.data ?? [],
        new Set(readRemote),
      ),
    [firings.data, warnings.data, trails.data, readRemote],
  );
  if (!onGateway)
    return {
      notices: localNotices,
      firings: localFirings,
      markRead: useAlertsStore.getState().markRead,
    };
  return {
    notices: remote,
    firings: firings.data ?? [],
    markRead: useAlertsStore.getState().markRemoteRead,
  };
}
