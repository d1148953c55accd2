import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import type { Detection, Evidence } from "./detectors/types";

const investigateHref = (kind: "user" | "accessKey", value: string) =>
  `/investigate/identity?${new URLSearchParams({ kind, value }).toString()}`;

/** One detection: what happened in plain words, the evidence, and links to the events. */
export function DetectionCard({ detection: d }: { detection: Detection }) {
  const { i18n, t } = useLingui();
  const format = useFormat();
  const region = d.regions.length === 1 ? d.regions[0] : "all";
  // One second either side, so the events at the edges are in the search.
  const link = (filters: SearchCondition[]) =>
    eventSearchHref({
      region,
      from: d.firstMs - 1000,
      to: d.lastMs + 1000,
      filters,
    });
  const title = i18n._(d.title);
  const severity = {
    high: t`high`,
    medium: t`medium`,
    low: t`low`,
  }[d.severity];
  const n = d.eventIds.length;
  return (
    <article
      className={`card detection severity-${d.severity}`}
      aria-label={title}
    >
      <header className="detection-header">
        <span
          className={`badge ${d.severity === "high" ? "danger" : d.severity === "medium" ? "warn" : ""}`}
        >
          {severity}
        </span>
        <h3>
          <SafeText value={title} />
        </h3>
      </header>
      <p>
        <SafeText value={i18n._(d.explanation)} />
      </p>
      <p className="muted">
        {format.range(d.firstMs, d.lastMs)} ·{" "}
        <Plural value={n} one="# event" other="# events" />
      </p>
      <DetectionEvidence evidence={d.evidence} />
      <p className="detection-links">
        <Link to={link(d.filters)}>
          <Plural value={n} one="View the # event" other="View the # events" />
        </Link>
        {d.pivots.map((p) => (
          <Link key={JSON.stringify(p.filters)} to={link(p.filters)}>
            <SafeText value={i18n._(p.label)} />
          </Link>
        ))}
        {d.subject.value && (
          <Link to={investigateHref(d.subject.kind, d.subject.value)}>
            {d.subject.kind === "accessKey" ? (
              <Trans>Investigate the AccessKey</Trans>
            ) : (
              <Trans>Investigate the identity</Trans>
            )}
          </Link>
        )}
      </p>
    </article>
  );
}

/** A detection's evidence: Trailscope's labels in the reader's language, the events' values as they are. */
export function DetectionEvidence({ evidence }: { evidence: Evidence[] }) {
  const { i18n } = useLingui();
  const format = useFormat();
  return (
    <dl className="evidence">
      {evidence.map((e) => (
        <div key={e.label.id}>
          <dt>{i18n._(e.label)}</dt>
          <dd>
            <ul className="value-list">
              {e.values.map((v) => (
                <li key={v}>
                  {e.times && Number.isFinite(Date.parse(v)) ? (
                    <time dateTime={v}>{format.time(Date.parse(v))}</time>
                  ) : (
                    <SafeText value={v} maxLength={120} />
                  )}
                </li>
              ))}
              {e.note && <li>{i18n._(e.note)}</li>}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
