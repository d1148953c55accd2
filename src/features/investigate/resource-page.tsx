import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { eventSearchHref } from "@/lib/event-search-url";
import { ChangeList } from "./change-list";
import { EventTable } from "./event-table";
import { InvestigationFrame, useCaseSearch } from "./investigation-frame";
import {
  parseResourceSearch,
  RANGE_LABEL,
  RANGE_MS,
  type ResourceSearch,
} from "./filters";
import {
  INVESTIGATION_CAP_PER_REGION,
  resourceEventsQueryOptions,
} from "./queries";
import { toResourceChanges } from "./resource-changes";
import { useInvestigationWindow } from "./use-investigation-window";
import "./investigate.css";

/** One resource: its changes in order, each with the difference of parameters and a suggested way back. */
export function ResourcePage() {
  const [params] = useSearchParams();
  const search = parseResourceSearch(params);
  const { t } = useLingui();
  useDocumentTitle(t`Investigate`, search?.name);
  if (!search)
    return (
      <section className="investigate-page" aria-labelledby="resource-title">
        <h1 id="resource-title">
          <Trans>Investigate a resource</Trans>
        </h1>
        <EmptyState title={t`This link does not name a resource.`}>
          <Link to="/investigate">
            <Trans>Start an investigation</Trans>
          </Link>
        </EmptyState>
      </section>
    );
  return <ResourceInvestigation key={search.name} search={search} />;
}

function ResourceInvestigation({ search }: { search: ResourceSearch }) {
  const { t } = useLingui();
  const { number } = useFormat();
  const range = t(RANGE_LABEL[search.range]);
  const name = search.name;
  const w = useInvestigationWindow(RANGE_MS[search.range]);
  const loaded = useQuery(
    resourceEventsQueryOptions(search.name, w.from, w.to, w.regionIds),
  );
  const events = useMemo(() => loaded.data?.events ?? [], [loaded.data]);
  const changes = useMemo(() => toResourceChanges(events), [events]);
  const caseSearch = useCaseSearch(t`Resource ${name}, ${range}`, w);
  const regions = [...new Set(events.map((e) => e.region))];
  const summaryLine = (truncated: boolean) => {
    const count = number(events.length);
    const changed = number(changes.length);
    const where = regions.join(", ");
    const cap = number(INVESTIGATION_CAP_PER_REGION);
    return truncated
      ? t`${count} events name it (${changed} changes), in ${where}; up to ${cap} per region — the cap was reached, older events are missing.`
      : t`${count} events name it (${changed} changes), in ${where}; up to ${cap} per region.`;
  };
  return (
    <InvestigationFrame
      titleId="resource-title"
      title={
        <>
          <Trans>
            Resource <SafeText value={search.name} maxLength={120} />
          </Trans>
        </>
      }
      range={search.range}
      defaultRange="30d"
      window={w}
      loaded={loaded}
      subject={t`The resource's events`}
      loadingTitle={t`Loading the resource's events of the ${range} from every region…`}
      empty={
        <EmptyState title={t`No events name this resource in the ${range}.`}>
          <p>
            <Trans>
              Resource names are matched exactly (IDs such as i-bp1…, bucket or
              trail names).
            </Trans>
          </p>
        </EmptyState>
      }
      summary={(data) => (
        <p className="muted">
          {summaryLine(data.truncated)}{" "}
          <Link
            to={eventSearchHref({
              region: regions.length === 1 ? regions[0] : "all",
              from: w.from,
              to: w.to,
              filters: [{ key: "ResourceName", value: search.name }],
            })}
          >
            <Trans>Open in the event search</Trans>
          </Link>
        </p>
      )}
    >
      <>
        <ChangeList changes={changes} events={events} search={caseSearch} />
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">
            <Trans>All events</Trans>
          </h2>
          <EventTable
            caption={t`Every event naming it, newest first`}
            events={events}
            search={caseSearch}
          />
        </section>
      </>
    </InvestigationFrame>
  );
}
