import type { RouteObject } from "react-router";
import { loadInsightsCatalog } from "./catalog";

/** A screen's code and the insights catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadInsightsCatalog()]);
  return module;
}

export const insightsRoutes: RouteObject[] = [
  {
    path: "insights",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./insights-page")))
        .InsightsPage,
    }),
  },
  {
    path: "insights/rules",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./rules/rules-view")))
        .RulesView,
    }),
  },
  {
    path: "insights/coverage",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./rules/coverage-view")))
        .CoverageView,
    }),
  },
  {
    path: "insights/findings",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./findings/findings-view")))
        .FindingsView,
    }),
  },
];
