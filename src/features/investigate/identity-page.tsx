import { useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "@/api/schemas/event";
import { Link, useSearchParams } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { AccessKeyAudit } from "./access-key-audit";
import { InvestigationFrame, useCaseSearch } from "./investigation-frame";
import { EventTable } from "./event-table";
import {
  identityHref,
  KIND_LABEL,
  parseIdentitySearch,
  RANGE_LABEL,
  RANGE_MS,
  resourceHref,
  type IdentitySearch,
} from "./filters";
import {
  INVESTIGATION_CAP_PER_REGION,
  identityEventsQueryOptions,
} from "./queries";
import { useInvestigationWindow } from "./use-investigation-window";
import { ValueSummary } from "./value-summary";
import "./investigate.css";

/** One identity (user, role, AccessKey or source IP): when and where it acted, what it changed, what failed. */
export function IdentityPage() {
  const [params] = useSearchParams();
  const search = parseIdentitySearch(params);
  useDocumentTitle("Investigate", search?.value);
  if (!search)
    return (
      <section className="investigate-page" aria-labelledby="identity-title">
        <h1 id="identity-title">Investigate an identity</h1>
        <EmptyState title="This link does not name an identity.">
          <Link to="/investigate">Start an investigation</Link>
        </EmptyState>
      </section>
    );
  return (
    <IdentityInvestigation
      key={`${search.kind}:${search.value}`}
      search={search}
    />
  );
}

function IdentityInvestigation({ search }: { search: IdentitySearch }) {
  const zone = usePrefsStore((s) => s.timeZone);
  const w = useInvestigationWindow(RANGE_MS[search.range]);
  const loaded = useQuery(
    identityEventsQueryOptions(
      search.kind,
      search.value,
      w.from,
      w.to,
      w.regionIds,
    ),
  );
  const caseSearch = useCaseSearch(
    `${KIND_LABEL[search.kind]} ${search.value}, ${RANGE_LABEL[search.range]}`,
    w,
  );
  const events = loaded.data?.events ?? [];
  const changes = events.filter((e) => e.rw === "Write" && !e.errorCode);
  const failures = events.filter((e) => e.errorCode);
  const first = events.at(-1);
  const last = events[0];
  return (
    <InvestigationFrame
      titleId="identity-title"
      title={
        <>
          {KIND_LABEL[search.kind]}{" "}
          <SafeText value={search.value} maxLength={120} />
        </>
      }
      range={search.range}
      defaultRange="7d"
      window={w}
      loaded={loaded}
      subject="The identity's events"
      loadingTitle={`Loading its events of the ${RANGE_LABEL[search.range]} from every region…`}
      aside={
        search.kind === "accessKey" && <AccessKeyAudit keyId={search.value} />
      }
      empty={
        <EmptyState
          title={`No events of this ${KIND_LABEL[search.kind].toLowerCase()} in the ${RANGE_LABEL[search.range]}.`}
        >
          <p>Lookups are exact and case-sensitive.</p>
        </EmptyState>
      }
      summary={(data) => (
        <p className="muted">
          {data.events.length.toLocaleString("en-US")} events from every region,{" "}
          {RANGE_LABEL[search.range]} (up to{" "}
          {INVESTIGATION_CAP_PER_REGION.toLocaleString("en-US")} per region
          {data.truncated
            ? "; the cap was reached, older events are missing"
            : ""}
          ).
        </p>
      )}
    >
      <>
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <dl className="evidence">
            <div>
              <dt>First seen</dt>
              <dd>{first ? formatTime(first.timeMs, zone, true) : "—"}</dd>
            </div>
            <div>
              <dt>Last seen</dt>
              <dd>{last ? formatTime(last.timeMs, zone, true) : "—"}</dd>
            </div>
            <ValueSummary
              label="Regions"
              events={events}
              get={(e) => e.region}
            />
            <ValueSummary
              label="Services"
              events={events}
              get={(e) => e.service}
            />
            <ValueSummary
              label="Addresses"
              events={events}
              get={(e) => e.sourceIp}
              render={(v) => (
                <Link to={identityHref({ kind: "ip", value: v })}>
                  <SafeText value={v} maxLength={60} />
                </Link>
              )}
            />
            {search.kind !== "user" && (
              <ValueSummary
                label="Users"
                events={events}
                get={(e) => e.userName}
                render={(v) => (
                  <Link to={identityHref({ kind: "user", value: v })}>
                    <SafeText value={v} maxLength={80} />
                  </Link>
                )}
              />
            )}
            {search.kind !== "accessKey" && (
              <ValueSummary
                label="AccessKeys"
                events={events}
                get={(e) => e.accessKeyId}
                render={(v) => (
                  <Link to={identityHref({ kind: "accessKey", value: v })}>
                    <SafeText value={v} maxLength={60} />
                  </Link>
                )}
              />
            )}
            <ValueSummary
              label="User agents"
              events={events}
              get={(e) => e.userAgent}
            />
          </dl>
        </section>
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">What it changed</h2>
          {changes.length === 0 ? (
            <EmptyState title="No successful write events." />
          ) : (
            <>
              <ChangedResources events={changes} />
              <EventTable
                caption="Successful write events"
                events={changes}
                search={caseSearch}
                showUser={search.kind !== "user"}
              />
            </>
          )}
        </section>
        <section aria-labelledby="failures-title">
          <h2 id="failures-title">Failures</h2>
          {failures.length === 0 ? (
            <EmptyState title="No failed calls." />
          ) : (
            <EventTable
              caption="Failed calls"
              events={failures}
              search={caseSearch}
              showUser={search.kind !== "user"}
            />
          )}
        </section>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <EventTable
            caption="All its events, newest first"
            events={events}
            search={caseSearch}
            showUser={search.kind !== "user"}
          />
        </section>
      </>
    </InvestigationFrame>
  );
}

/** Resources it changed, each a link to the resource's history. */
function ChangedResources({ events }: { events: AuditEvent[] }) {
  const names = [
    ...new Set(
      events.flatMap((e) => e.resourceName.split(/[;,]/)).filter(Boolean),
    ),
  ].slice(0, 30);
  if (names.length === 0) return null;
  return (
    <p className="resource-links">
      Resources changed:{" "}
      {names.map((n) => (
        <Link key={n} to={resourceHref({ name: n })}>
          <SafeText value={n} maxLength={60} />
        </Link>
      ))}
    </p>
  );
}
