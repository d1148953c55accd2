import { Trans, useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { useDocumentTitle } from "@/components/ui/use-document-title";

/** The views of Insights, each at its own address; the URL's region, range and field travel with them. */
export function InsightsViews() {
  const { t } = useLingui();
  // The region, range and field travel between the views, like a shared search.
  const carry = useLocation().search;
  const views = [
    { to: "/insights", label: t`Overview`, end: true },
    { to: "/insights/findings", label: t`Findings`, end: false },
    { to: "/insights/fields", label: t`Field statistics`, end: false },
    { to: "/insights/rules", label: t`Rules`, end: false },
    { to: "/insights/coverage", label: t`Coverage`, end: false },
  ];
  return (
    <nav aria-label={t`Insights views`} className="view-tabs">
      <ul>
        {views.map((view) => (
          <li key={view.to}>
            <NavLink to={`${view.to}${carry}`} end={view.end}>
              {view.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The frame of every Insights view: the page's heading and the views; the tab's title names the view. */
export function InsightsFrame({
  title,
  children,
}: {
  title?: string;
  children: ReactNode;
}) {
  const { t } = useLingui();
  useDocumentTitle(title, t`Insights`);
  return (
    <section aria-labelledby="insights-title" className="insights-page">
      <header className="page-header">
        <h1 id="insights-title">
          <Trans>Insights</Trans>
        </h1>
        <InsightsViews />
      </header>
      {children}
    </section>
  );
}
