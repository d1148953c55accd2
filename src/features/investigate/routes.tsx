import type { RouteObject } from "react-router";
import { loadInvestigateCatalog } from "./catalog";

/** A screen's code and the investigate catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadInvestigateCatalog()]);
  return module;
}

/** Investigation screens: search, an identity, a resource, case files. */
export const investigateRoutes: RouteObject[] = [
  {
    path: "investigate",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./investigate-page")))
        .InvestigatePage,
    }),
  },
  {
    path: "investigate/identity",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./identity-page")))
        .IdentityPage,
    }),
  },
  {
    path: "investigate/resource",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./resource-page")))
        .ResourcePage,
    }),
  },
  {
    path: "investigate/cases",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./cases-page"))).CasesPage,
    }),
  },
];
