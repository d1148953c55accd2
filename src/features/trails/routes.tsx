import type { RouteObject } from "react-router";

export const trailsRoutes: RouteObject[] = [
  {
    path: "trails",
    lazy: async () => ({
      Component: (await import("./trails-page")).TrailsPage,
    }),
  },
];
