import { useQuery } from "@tanstack/react-query";
import type { AuditEvent } from "@/api/schemas/event";
import { Link, useLocation, useSearchParams } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { formatTime, toApiTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import type { CaseSearch } from "@/stores/cases-store";
import { AccessKeyAudit } from "./access-key-audit";
import { CaseBar } from "./case-bar";
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
import { RangeSelect } from "./range-select";
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
  const location = useLocation();
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
  const caseSearch: CaseSearch = {
    label: `${KIND_LABEL[search.kind]} ${search.value}, ${RANGE_LABEL[search.range]}`,
    href: `${location.pathname}${location.search}`,
    from: toApiTime(w.from),
    to: toApiTime(w.to),
  };
  const events = loaded.data?.events ?? [];
  const changes = events.filter((e) => e.rw === "Write" && !e.errorCode);
  const failures = events.filter((e) => e.errorCode);
  const first = events.at(-1);
  const last = events[0];
  return (
    <section className="investigate-page" aria-labelledby="identity-title">
      <header className="page-header">
        <h1 id="identity-title">
          {KIND_LABEL[search.kind]}{" "}
          <SafeText value={search.value} maxLength={120} />
        </h1>
        <span className="page-tools">
          <RangeSelect value={search.range} fallback="7d" />
          <button type="button" onClick={w.refresh}>
            Refresh
          </button>
        </span>
      </header>
      <CaseBar />
      {search.kind === "accessKey" && <AccessKeyAudit keyId={search.value} />}
      {w.regions.isError ? (
        <ErrorPanel
          error={w.regions.error}
          title="Regions could not be loaded"
          onRetry={() => void w.regions.refetch()}
        />
      ) : loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          title="The identity's events could not be loaded"
          onRetry={() => void loaded.refetch()}
        />
      ) : !loaded.data ? (
        <LoadingState
          title={`Loading its events of the ${RANGE_LABEL[search.range]} from every region…`}
        />
      ) : events.length === 0 ? (
        <EmptyState
          title={`No events of this ${KIND_LABEL[search.kind].toLowerCase()} in the ${RANGE_LABEL[search.range]}.`}
        >
          <p>Lookups are exact and case-sensitive.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted">
            {events.length.toLocaleString("en-US")} events from every region,{" "}
            {RANGE_LABEL[search.range]} (up to{" "}
            {INVESTIGATION_CAP_PER_REGION.toLocaleString("en-US")} per region
            {loaded.data.truncated
              ? "; the cap was reached, older events are missing"
              : ""}
            ).
          </p>
          {loaded.data.failedRegions.length > 0 && (
            <p role="status" className="notice warn">
              Events of {loaded.data.failedRegions.join(", ")} could not be
              loaded.
            </p>
          )}
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
      )}
    </section>
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
