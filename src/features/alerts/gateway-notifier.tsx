import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { gatewayFiringsQueryOptions } from "./queries";
import { notifyBrowser } from "./scheduler";

/**
 * Live mode with gateway alerts: tells the browser (when the user allowed
 * notifications) of each firing the gateway records while the console is
 * open. Firings already there when it opened are not repeated.
 */
export function GatewayNotifier() {
  const { data } = useQuery(gatewayFiringsQueryOptions());
  const seen = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    if (!data) return;
    if (!seen.current) {
      seen.current = new Set(data.map((f) => f.id));
      return;
    }
    for (const firing of data)
      if (!seen.current.has(firing.id)) {
        seen.current.add(firing.id);
        notifyBrowser(firing);
      }
  }, [data]);
  return null;
}
