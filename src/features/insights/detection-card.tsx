import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import type { Detection } from "./detectors/types";

const investigateHref = (kind: "user" | "accessKey", value: string) =>
  `/investigate/identity?${new URLSearchParams({ kind, value }).toString()}`;

/** One detection: what happened in plain words, the evidence, and links to the events. */
export function DetectionCard({ detection: d }: { detection: Detection }) {
  const zone = usePrefsStore((s) => s.timeZone);
  const region = d.regions.length === 1 ? d.regions[0] : "all";
  // One second either side, so the events at the edges are in the search.
  const link = (filters: SearchCondition[]) =>
    eventSearchHref({
      region,
      from: d.firstMs - 1000,
      to: d.lastMs + 1000,
      filters,
    });
  return (
    <article
      className={`card detection severity-${d.severity}`}
      aria-label={d.title}
    >
      <header className="detection-header">
        <span
          className={`badge ${d.severity === "high" ? "danger" : d.severity === "medium" ? "warn" : ""}`}
        >
          {d.severity}
        </span>
        <h3>
          <SafeText value={d.title} />
        </h3>
      </header>
      <p>
        <SafeText value={d.explanation} />
      </p>
      <p className="muted">
        {formatTime(d.firstMs, zone, true)} – {formatTime(d.lastMs, zone, true)}{" "}
        · {d.eventIds.length.toLocaleString("en-US")} events
      </p>
      <dl className="evidence">
        {d.evidence.map((e) => (
          <div key={e.label}>
            <dt>{e.label}</dt>
            <dd>
              <ul className="value-list">
                {e.values.map((v) => (
                  <li key={v}>
                    <SafeText value={v} maxLength={120} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p className="detection-links">
        <Link to={link(d.filters)}>
          View the {d.eventIds.length.toLocaleString("en-US")} events
        </Link>
        {d.pivots.map((p) => (
          <Link key={p.label} to={link(p.filters)}>
            <SafeText value={p.label} />
          </Link>
        ))}
        {d.subject.value && (
          <Link to={investigateHref(d.subject.kind, d.subject.value)}>
            Investigate{" "}
            {d.subject.kind === "accessKey" ? "the AccessKey" : "the identity"}
          </Link>
        )}
      </p>
    </article>
  );
}
