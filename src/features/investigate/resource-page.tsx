import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
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
  useDocumentTitle("Investigate", search?.name);
  if (!search)
    return (
      <section className="investigate-page" aria-labelledby="resource-title">
        <h1 id="resource-title">Investigate a resource</h1>
        <EmptyState title="This link does not name a resource.">
          <Link to="/investigate">Start an investigation</Link>
        </EmptyState>
      </section>
    );
  return <ResourceInvestigation key={search.name} search={search} />;
}

function ResourceInvestigation({ search }: { search: ResourceSearch }) {
  const w = useInvestigationWindow(RANGE_MS[search.range]);
  const loaded = useQuery(
    resourceEventsQueryOptions(search.name, w.from, w.to, w.regionIds),
  );
  const events = useMemo(() => loaded.data?.events ?? [], [loaded.data]);
  const changes = useMemo(() => toResourceChanges(events), [events]);
  const caseSearch = useCaseSearch(
    `Resource ${search.name}, ${RANGE_LABEL[search.range]}`,
    w,
  );
  const regions = [...new Set(events.map((e) => e.region))];
  return (
    <InvestigationFrame
      titleId="resource-title"
      title={
        <>
          Resource <SafeText value={search.name} maxLength={120} />
        </>
      }
      range={search.range}
      defaultRange="30d"
      window={w}
      loaded={loaded}
      subject="The resource's events"
      loadingTitle={`Loading the resource's events of the ${RANGE_LABEL[search.range]} from every region…`}
      empty={
        <EmptyState
          title={`No events name this resource in the ${RANGE_LABEL[search.range]}.`}
        >
          <p>
            Resource names are matched exactly (IDs such as i-bp1…, bucket or
            trail names).
          </p>
        </EmptyState>
      }
      summary={(data) => (
        <p className="muted">
          {events.length.toLocaleString("en-US")} events name it (
          {changes.length} changes), in {regions.join(", ")}; up to{" "}
          {INVESTIGATION_CAP_PER_REGION.toLocaleString("en-US")} per region
          {data.truncated
            ? " — the cap was reached, older events are missing"
            : ""}
          .{" "}
          <Link
            to={eventSearchHref({
              region: regions.length === 1 ? regions[0] : "all",
              from: w.from,
              to: w.to,
              filters: [{ key: "ResourceName", value: search.name }],
            })}
          >
            Open in the event search
          </Link>
        </p>
      )}
    >
      <>
        <ChangeList changes={changes} events={events} search={caseSearch} />
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">All events</h2>
          <EventTable
            caption="Every event naming it, newest first"
            events={events}
            search={caseSearch}
          />
        </section>
      </>
    </InvestigationFrame>
  );
}
