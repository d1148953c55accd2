import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createQueryClient } from "./query-client";
import { routes } from "./router";
import { ThemeSync } from "./shell/theme-sync";

interface AppProps {
  /** main.tsx creates the browser router early; tests pass a memory router. */
  router?: ReturnType<typeof createBrowserRouter>;
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
