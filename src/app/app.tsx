import { I18nProvider } from "@lingui/react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createQueryClient } from "./query-client";
import { i18n } from "@/components/i18n/i18n";
import { routes } from "./router";
import { I18nSync } from "./shell/i18n-sync";
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
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <I18nSync />
        <ThemeSync />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
