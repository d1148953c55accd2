import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { Link } from "react-router";
import type { InsightEvent } from "@/api/schemas/insight";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";

const EXPLAIN: Record<
  string,
  { title: MessageDescriptor; why: MessageDescriptor }
> = {
  IpInsight: {
    title: msg`Calls from an unusual address`,
    why: msg`ActionTrail saw calls from an IP address this account does not usually use.`,
  },
  ApiCallRateInsight: {
    title: msg`Unusual call rate`,
    why: msg`An API was called far more often than usual.`,
  },
  ApiErrorRateInsight: {
    title: msg`Unusual error rate`,
    why: msg`Far more calls than usual failed: someone may be probing permissions.`,
  },
  AkInsight: {
    title: msg`Unusual AccessKey use`,
    why: msg`An AccessKey was used in a way it usually is not.`,
  },
  PolicyChangeInsight: {
    title: msg`Permission policy changed`,
    why: msg`Policies that grant access were changed.`,
  },
  PasswordChangeInsight: {
    title: msg`Password changed`,
    why: msg`A password was changed: make sure its owner did it.`,
  },
  TrailConcealmentInsight: {
    title: msg`Audit trail concealed`,
    why: msg`A trail was stopped, deleted or changed so events may go unrecorded.`,
  },
};

/** One of the service's own insight events, in plain words, with a link to the events it is about. */
export function ServiceInsightCard({ insight }: { insight: InsightEvent }) {
  const { t, i18n } = useLingui();
  const { number, timeWithZone } = useFormat();
  const entry = Object.hasOwn(EXPLAIN, insight.insightType)
    ? EXPLAIN[insight.insightType]
    : undefined;
  const known = entry
    ? { title: i18n._(entry.title), why: i18n._(entry.why) }
    : undefined;
  const c = insight.context;
  const filters: SearchCondition[] = [];
  if (c.accessKeyId)
    filters.push({ key: "EventAccessKeyId", value: c.accessKeyId });
  else if (c.userName) filters.push({ key: "User", value: c.userName });
  if (c.eventName) filters.push({ key: "EventName", value: c.eventName });
  else if (c.sourceIpAddress)
    filters.push({ key: "SourceIpAddress", value: c.sourceIpAddress });
  const from = Date.parse(insight.startTime);
  const to = Date.parse(insight.endTime);
  const ok = Number.isFinite(from) && Number.isFinite(to);
  const href = eventSearchHref({
    region: insight.region || undefined,
    ...(ok
      ? { from: from - 1000, to: Math.max(to, from) + 1000 }
      : { range: "7d" as const }),
    filters,
  });
  const facts: [string, string | undefined][] = [
    [t`AccessKey`, c.accessKeyId],
    [t`User`, c.userName],
    [t`Source IP`, c.sourceIpAddress],
    [t`Service`, c.serviceName],
    [t`Event`, c.eventName],
    [t`Object`, c.insightObject],
    [t`Usual`, c.baseline === undefined ? undefined : number(c.baseline)],
    [t`Observed`, c.observed === undefined ? undefined : number(c.observed)],
  ];
  return (
    <article
      className="card detection"
      aria-label={known?.title ?? insight.insightType}
    >
      <header className="detection-header">
        <span className="badge">
          <Trans>ActionTrail insight</Trans>
        </span>
        <h3>{known?.title ?? <SafeText value={insight.insightType} />}</h3>
      </header>
      <p>
        {known?.why ??
          t`An insight event of a type Trailscope does not know yet.`}
      </p>
      {c.summary && (
        <p>
          <SafeText value={c.summary} maxLength={500} />
        </p>
      )}
      <p className="muted">
        {ok ? (
          `${timeWithZone(from)} – ${timeWithZone(to)}`
        ) : (
          <SafeText value={insight.time} />
        )}
        {insight.state && (
          <>
            {" "}
            · <SafeText value={insight.state} maxLength={40} />
          </>
        )}
      </p>
      <dl className="evidence">
        {facts
          .filter((f): f is [string, string] => Boolean(f[1]))
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <SafeText value={value} maxLength={120} />
              </dd>
            </div>
          ))}
      </dl>
      <p className="detection-links">
        <Link to={href}>
          <Trans>View the events</Trans>
        </Link>
      </p>
    </article>
  );
}
