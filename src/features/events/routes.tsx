import type { RouteObject } from "react-router";

/** Event search: `/events` (the open event and the search live in the query string). */
export const eventsRoutes: RouteObject[] = [
  {
    path: "events",
    handle: { allRegions: true },
    lazy: async () => ({
      Component: (await import("./events-page")).EventsPage,
    }),
  },
];
