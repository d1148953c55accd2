import { Navigate, type RouteObject } from "react-router";
import { archivesRoutes } from "@/features/archives/routes";
import { alertsRoutes } from "@/features/alerts/routes";
import { eventsRoutes } from "@/features/events/routes";
import { insightsRoutes } from "@/features/insights/routes";
import { investigateRoutes } from "@/features/investigate/routes";
import { queryRoutes } from "@/features/query/routes";
import { trailsRoutes } from "@/features/trails/routes";
import { NotFoundPage, RouteErrorPage } from "./shell/error-pages";
import { AppLayout } from "./shell/app-layout";
import { LoadingState } from "@/components/ui/states";

/** Every screen of Trailscope, composed from the features' routes. */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { index: true, element: <Navigate to="/events" replace /> },
      ...eventsRoutes,
      ...trailsRoutes,
      ...insightsRoutes,
      ...investigateRoutes,
      ...archivesRoutes,
      ...alertsRoutes,
      ...queryRoutes,
      {
        path: "settings",
        // Settings is seldom the first screen: its code loads when opened.
        lazy: async () => ({
          Component: (await import("./shell/settings-page")).SettingsPage,
        }),
        handle: { noRegion: true },
      },
      { path: "*", element: <NotFoundPage />, handle: { noRegion: true } },
    ],
  },
];
