import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { App } from "@/app/app";
import { createQueryClient } from "@/app/query-client";
import { routes } from "@/app/router";

/**
 * Renders the whole console at a URL, with the real router, providers and the
 * simulated account (msw/node, installed fresh for each test by setup.ts).
 */
export function renderApp(url = "/events") {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const view = render(<App router={router} queryClient={queryClient} />);
  return { ...view, user, router, queryClient };
}

/** The router's current URL as path + query, for URL assertions. */
export function currentUrl(
  router: ReturnType<typeof createMemoryRouter>,
): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}
