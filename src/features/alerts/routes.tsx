import { lazy } from "react";
import type { RouteObject } from "react-router";
import { loadAlertsCatalog } from "./catalog";

/** A screen's code and the alerts catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadAlertsCatalog()]);
  return module;
}

/** The alert rules screen: `/alerts`. */
export const alertsRoutes: RouteObject[] = [
  {
    path: "alerts",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./alerts-page"))).AlertsPage,
    }),
  },
];

/**
 * The header's notification centre and the scheduler that runs the rules
 * while the console is open, loaded after the first screen with their words.
 */
export const AlertsHeader = lazy(async () => ({
  default: (await withCatalog(() => import("./alerts-header"))).AlertsHeader,
}));
