import type { RouteObject } from "react-router";
import { loadEventsCatalog } from "./catalog";

/** A screen's code and the events catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadEventsCatalog()]);
  return module;
}

/** Event search: `/events` (the open event and the search live in the query string). */
export const eventsRoutes: RouteObject[] = [
  {
    path: "events",
    handle: { allRegions: true, skipToResults: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./events-page"))).EventsPage,
    }),
  },
];
