import { Plural, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { DetectionEvidence } from "../detection-evidence";
import type { Signal } from "./group-findings";

/** A stateful detection inside a finding: its explanation, evidence and the searches that show it. */
export function SignalEvidence({ signal }: { signal: Signal }) {
  const { i18n } = useLingui();
  const detail = signal.detail;
  if (!detail) return null;
  const region = signal.regions.length === 1 ? signal.regions[0] : "all";
  // One second either side, so the events at the edges are in the search.
  const link = (filters: SearchCondition[]) =>
    eventSearchHref({
      region,
      from: signal.firstMs - 1000,
      to: signal.lastMs + 1000,
      filters,
    });
  const n = signal.eventIds.length;
  const title = i18n._(detail.title);
  return (
    <section aria-label={title} className="signal-evidence">
      <h5>
        <SafeText value={title} />
      </h5>
      <p>
        <SafeText value={i18n._(detail.explanation)} />
      </p>
      <DetectionEvidence evidence={detail.evidence} />
      <p className="detection-links">
        <Link to={link(detail.filters)}>
          <Plural value={n} one="View the # event" other="View the # events" />
        </Link>
        {detail.pivots.map((p) => (
          <Link key={JSON.stringify(p.filters)} to={link(p.filters)}>
            <SafeText value={i18n._(p.label)} />
          </Link>
        ))}
      </p>
    </section>
  );
}
