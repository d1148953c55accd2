import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import { InsightsFrame } from "./insights-frame";
import { loadInsightsCatalog } from "./catalog";

/** A view inside the Insights frame (heading and the views' tabs). */
function framed(View: ComponentType): ComponentType {
  return function FramedView() {
    return (
      <InsightsFrame>
        <View />
      </InsightsFrame>
    );
  };
}

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
    path: "insights/fields",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./insights-page")))
        .FieldStatsView,
    }),
  },
  {
    path: "insights/rules",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: framed(
        (await withCatalog(() => import("./rules/rules-view"))).RulesView,
      ),
    }),
  },
  {
    path: "insights/coverage",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: framed(
        (await withCatalog(() => import("./rules/coverage-view"))).CoverageView,
      ),
    }),
  },
  {
    path: "insights/findings",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: framed(
        (await withCatalog(() => import("./findings/findings-view")))
          .FindingsView,
      ),
    }),
  },
];
