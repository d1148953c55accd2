import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createBrowserRouter,
  RouterProvider,
  type createMemoryRouter,
} from "react-router";
import { createQueryClient } from "./query-client";
import { routes } from "./router";
import { ThemeSync } from "./shell/theme-sync";

interface AppProps {
  /** Tests pass a memory router and their own query client. */
  router?: ReturnType<typeof createMemoryRouter>;
  queryClient?: QueryClient;
}

export function App({
  router: givenRouter,
  queryClient: givenClient,
}: AppProps) {
  const [queryClient] = useState(() => givenClient ?? createQueryClient());
  const [router] = useState(() => givenRouter ?? createBrowserRouter(routes));
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeSync />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
