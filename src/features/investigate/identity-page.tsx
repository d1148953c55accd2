import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { AccessKeyAudit } from "./access-key-audit";
import { ChangedResources } from "./changed-resources";
import { InvestigationFrame, useCaseSearch } from "./investigation-frame";
import { EventTable } from "./event-table";
import {
  identityHref,
  KIND_LABEL,
  KIND_NOUN,
  parseIdentitySearch,
  RANGE_LABEL,
  RANGE_MS,
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
  const { t } = useLingui();
  useDocumentTitle(t`Investigate`, search?.value);
  if (!search)
    return (
      <section className="investigate-page" aria-labelledby="identity-title">
        <h1 id="identity-title">
          <Trans>Investigate an identity</Trans>
        </h1>
        <EmptyState title={t`This link does not name an identity.`}>
          <Link to="/investigate">
            <Trans>Start an investigation</Trans>
          </Link>
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
  const { t } = useLingui();
  const { number, timeWithZone } = useFormat();
  const kind = t(KIND_LABEL[search.kind]);
  const noun = t(KIND_NOUN[search.kind]);
  const range = t(RANGE_LABEL[search.range]);
  const value = search.value;
  const cap = number(INVESTIGATION_CAP_PER_REGION);
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
  const caseSearch = useCaseSearch(t`${kind} ${value}, ${range}`, w);
  const events = loaded.data?.events ?? [];
  const changes = events.filter((e) => e.rw === "Write" && !e.errorCode);
  const failures = events.filter((e) => e.errorCode);
  const summaryLine = (count: number, truncated: boolean) => {
    const n = number(count);
    return truncated
      ? t`${n} events from every region, ${range} (up to ${cap} per region; the cap was reached, older events are missing).`
      : t`${n} events from every region, ${range} (up to ${cap} per region).`;
  };
  const first = events.at(-1);
  const last = events[0];
  return (
    <InvestigationFrame
      titleId="identity-title"
      title={
        <>
          {kind} <SafeText value={search.value} maxLength={120} />
        </>
      }
      range={search.range}
      defaultRange="7d"
      window={w}
      loaded={loaded}
      subject={t`The identity's events`}
      loadingTitle={t`Loading its events of the ${range} from every region…`}
      aside={
        search.kind === "accessKey" && <AccessKeyAudit keyId={search.value} />
      }
      empty={
        <EmptyState title={t`No events of this ${noun} in the ${range}.`}>
          <p>
            <Trans>Lookups are exact and case-sensitive.</Trans>
          </p>
        </EmptyState>
      }
      summary={(data) => (
        <p className="muted">
          {summaryLine(data.events.length, data.truncated)}
        </p>
      )}
    >
      <>
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title">
            <Trans>Summary</Trans>
          </h2>
          <dl className="evidence">
            <div>
              <dt>
                <Trans>First seen</Trans>
              </dt>
              <dd>{first ? timeWithZone(first.timeMs) : "—"}</dd>
            </div>
            <div>
              <dt>
                <Trans>Last seen</Trans>
              </dt>
              <dd>{last ? timeWithZone(last.timeMs) : "—"}</dd>
            </div>
            <ValueSummary
              label={t`Regions`}
              events={events}
              get={(e) => e.region}
            />
            <ValueSummary
              label={t`Services`}
              events={events}
              get={(e) => e.service}
            />
            <ValueSummary
              label={t`Addresses`}
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
                label={t`Users`}
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
                label={t`AccessKeys`}
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
              label={t`User agents`}
              events={events}
              get={(e) => e.userAgent}
            />
          </dl>
        </section>
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">
            <Trans>What it changed</Trans>
          </h2>
          {changes.length === 0 ? (
            <EmptyState title={t`No successful write events.`} />
          ) : (
            <>
              <ChangedResources events={changes} />
              <EventTable
                caption={t`Successful write events`}
                events={changes}
                search={caseSearch}
                showUser={search.kind !== "user"}
              />
            </>
          )}
        </section>
        <section aria-labelledby="failures-title">
          <h2 id="failures-title">
            <Trans>Failures</Trans>
          </h2>
          {failures.length === 0 ? (
            <EmptyState title={t`No failed calls.`} />
          ) : (
            <EventTable
              caption={t`Failed calls`}
              events={failures}
              search={caseSearch}
              showUser={search.kind !== "user"}
            />
          )}
        </section>
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">
            <Trans>Timeline</Trans>
          </h2>
          <EventTable
            caption={t`All its events, newest first`}
            events={events}
            search={caseSearch}
            showUser={search.kind !== "user"}
          />
        </section>
      </>
    </InvestigationFrame>
  );
}
