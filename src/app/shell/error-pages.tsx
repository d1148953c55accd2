import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useDocumentTitle } from "@/components/ui/use-document-title";

export function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        Trailscope has no page at this address. It may have moved, or the link
        was cut short.
      </p>
      <p>
        <Link to="/events">Search events</Link> ·{" "}
        <Link to="/trails">Trails</Link> · <Link to="/insights">Insights</Link>
      </p>
    </section>
  );
}

/** Shown when a screen fails to load or render: the error, and a way on. */
export function RouteErrorPage() {
  const error = useRouteError();
  useDocumentTitle("Error");
  if (isRouteErrorResponse(error) && error.status === 404)
    return <NotFoundPage />;
  return (
    <main className="page" id="main">
      <h1>Trailscope ran into a problem</h1>
      <ErrorPanel
        error={error}
        title="This screen could not be shown"
        onRetry={() => window.location.reload()}
      />
      <p>
        <a href="/events">Back to the event search</a>
      </p>
    </main>
  );
}
