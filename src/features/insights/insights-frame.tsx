import { Trans, useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import { useDocumentTitle } from "@/components/ui/use-document-title";

/** The views of Insights, each at its own address; the region travels with them. */
export function InsightsViews() {
  const { t } = useLingui();
  const region = new URLSearchParams(useLocation().search).get("region");
  const carry = region ? `?region=${encodeURIComponent(region)}` : "";
  const views = [
    { to: "/insights", label: t`Overview`, end: true },
    { to: "/insights/findings", label: t`Findings`, end: false },
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

/** The frame of the Findings, Rules and Coverage views: the page's heading and the views. */
export function InsightsFrame({ children }: { children: ReactNode }) {
  const { t } = useLingui();
  useDocumentTitle(t`Insights`);
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
