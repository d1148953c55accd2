import type { RouteObject } from "react-router";
import { loadArchivesCatalog } from "./catalog";

/** A screen's code and the archives catalog, fetched together. */
async function withCatalog<T>(load: () => Promise<T>): Promise<T> {
  const [module] = await Promise.all([load(), loadArchivesCatalog()]);
  return module;
}

/** Imported trail archives: `/archives` (the open archive lives in the query string). */
export const archivesRoutes: RouteObject[] = [
  {
    path: "archives",
    handle: { allRegions: false },
    lazy: async () => ({
      Component: (await withCatalog(() => import("./archives-page")))
        .ArchivesPage,
    }),
  },
];
