import type { RouteObject } from "react-router";

/** Investigation screens: search, an identity, a resource, case files. */
export const investigateRoutes: RouteObject[] = [
  {
    path: "investigate",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await import("./investigate-page")).InvestigatePage,
    }),
  },
  {
    path: "investigate/identity",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await import("./identity-page")).IdentityPage,
    }),
  },
  {
    path: "investigate/resource",
    handle: { noRegion: true },
    lazy: async () => ({
      Component: (await import("./resource-page")).ResourcePage,
    }),
  },
  {
    path: "investigate/cases",
    handle: { noRegion: true },
    lazy: async () => ({ Component: (await import("./cases-page")).CasesPage }),
  },
];
