import type { RouteObject } from "react-router";
import { loadTrailsCatalog } from "./catalog";

/** A screen's code and the trails catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadTrailsCatalog()]);
  return module;
}

/** The trails screens: list, create, coverage, one trail, edit. The region switcher offers no "All regions" here. */
export const trailsRoutes: RouteObject[] = [
  {
    path: "trails",
    lazy: async () => ({
      Component: (await withCatalog(() => import("./trails-page"))).TrailsPage,
    }),
  },
  {
    path: "trails/new",
    lazy: async () => ({
      Component: (
        await withCatalog(() => import("./trail-wizard/create-trail-page"))
      ).CreateTrailPage,
    }),
  },
  {
    path: "trails/coverage",
    lazy: async () => ({
      Component: (await withCatalog(() => import("./coverage-page")))
        .CoveragePage,
    }),
  },
  {
    path: "trails/:name",
    lazy: async () => ({
      Component: (await withCatalog(() => import("./trail-detail-page")))
        .TrailDetailPage,
    }),
  },
  {
    path: "trails/:name/edit",
    lazy: async () => ({
      Component: (
        await withCatalog(() => import("./trail-wizard/edit-trail-page"))
      ).EditTrailPage,
    }),
  },
];
