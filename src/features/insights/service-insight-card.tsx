import { Link } from "react-router";
import type { InsightEvent } from "@/api/schemas/insight";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";

const EXPLAIN: Record<string, { title: string; why: string }> = {
  IpInsight: {
    title: "Calls from an unusual address",
    why: "ActionTrail saw calls from an IP address this account does not usually use.",
  },
  ApiCallRateInsight: {
    title: "Unusual call rate",
    why: "An API was called far more often than usual.",
  },
  ApiErrorRateInsight: {
    title: "Unusual error rate",
    why: "Far more calls than usual failed: someone may be probing permissions.",
  },
  AkInsight: {
    title: "Unusual AccessKey use",
    why: "An AccessKey was used in a way it usually is not.",
  },
  PolicyChangeInsight: {
    title: "Permission policy changed",
    why: "Policies that grant access were changed.",
  },
  PasswordChangeInsight: {
    title: "Password changed",
    why: "A password was changed: make sure its owner did it.",
  },
  TrailConcealmentInsight: {
    title: "Audit trail concealed",
    why: "A trail was stopped, deleted or changed so events may go unrecorded.",
  },
};

/** One of the service's own insight events, in plain words, with a link to the events it is about. */
export function ServiceInsightCard({ insight }: { insight: InsightEvent }) {
  const zone = usePrefsStore((s) => s.timeZone);
  const known = EXPLAIN[insight.insightType];
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
    ["AccessKey", c.accessKeyId],
    ["User", c.userName],
    ["Source IP", c.sourceIpAddress],
    ["Service", c.serviceName],
    ["Event", c.eventName],
    ["Object", c.insightObject],
    ["Usual", c.baseline?.toLocaleString("en-US")],
    ["Observed", c.observed?.toLocaleString("en-US")],
  ];
  return (
    <article
      className="card detection"
      aria-label={known?.title ?? insight.insightType}
    >
      <header className="detection-header">
        <span className="badge">ActionTrail insight</span>
        <h3>{known?.title ?? <SafeText value={insight.insightType} />}</h3>
      </header>
      <p>
        {known?.why ??
          "An insight event of a type Trailscope does not know yet."}
      </p>
      {c.summary && (
        <p>
          <SafeText value={c.summary} maxLength={500} />
        </p>
      )}
      <p className="muted">
        {ok ? (
          `${formatTime(from, zone, true)} – ${formatTime(to, zone, true)}`
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
        <Link to={href}>View the events</Link>
      </p>
    </article>
  );
}
