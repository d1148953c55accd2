import type { RouteObject } from "react-router";

export const insightsRoutes: RouteObject[] = [
  {
    path: "insights",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await import("./insights-page")).InsightsPage,
    }),
  },
];
