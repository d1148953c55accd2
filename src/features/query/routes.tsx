import type { RouteObject } from "react-router";
import { loadQueryCatalog } from "./catalog";

/** A screen's code and the query catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadQueryCatalog()]);
  return module;
}

/** The Query page: `/query` (?q= the query text, ?range= the events' range). The engine loads with it. */
export const queryRoutes: RouteObject[] = [
  {
    path: "query",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./query-page"))).QueryPage,
    }),
  },
];
