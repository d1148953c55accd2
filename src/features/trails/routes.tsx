import type { RouteObject } from "react-router";

/** The trails screens: list, create, coverage, one trail, edit. The region switcher offers no "All regions" here. */
export const trailsRoutes: RouteObject[] = [
  {
    path: "trails",
    lazy: async () => ({
      Component: (await import("./trails-page")).TrailsPage,
    }),
  },
  {
    path: "trails/new",
    lazy: async () => ({
      Component: (await import("./trail-wizard/create-trail-page"))
        .CreateTrailPage,
    }),
  },
  {
    path: "trails/coverage",
    lazy: async () => ({
      Component: (await import("./coverage-page")).CoveragePage,
    }),
  },
  {
    path: "trails/:name",
    lazy: async () => ({
      Component: (await import("./trail-detail-page")).TrailDetailPage,
    }),
  },
  {
    path: "trails/:name/edit",
    lazy: async () => ({
      Component: (await import("./trail-wizard/edit-trail-page")).EditTrailPage,
    }),
  },
];
