import { useLingui } from "@lingui/react/macro";
import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useDocumentTitle } from "@/components/ui/use-document-title";

export function NotFoundPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Page not found`);
  return (
    <section className="page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t`Page not found`}</h1>
      <p>
        {t`Trailscope has no page at this address. It may have moved, or the link was cut short.`}
      </p>
      <p>
        <Link to="/events">{t`Search events`}</Link> ·{" "}
        <Link to="/trails">{t`Trails`}</Link> ·{" "}
        <Link to="/insights">{t`Insights`}</Link>
      </p>
    </section>
  );
}

/** Shown when a screen fails to load or render: the error, and a way on. */
export function RouteErrorPage() {
  const { t } = useLingui();
  const error = useRouteError();
  useDocumentTitle(t`Error`);
  if (isRouteErrorResponse(error) && error.status === 404)
    return <NotFoundPage />;
  return (
    <main className="page" id="main">
      <h1>{t`Trailscope ran into a problem`}</h1>
      <ErrorPanel
        error={error}
        title={t`This screen could not be shown`}
        onRetry={() => window.location.reload()}
      />
      <p>
        <a href="/events">{t`Back to the event search`}</a>
      </p>
    </main>
  );
}
