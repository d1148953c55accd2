import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchParams } from "@/lib/event-search-url";
import type { Firing, FiringEvent } from "@/stores/alerts-store";
import { SEVERITY_LABELS } from "./labels";

const MINUTE = 60_000;

/** The event search that reopens one event of a firing. */
const eventLink = (event: FiringEvent): string =>
  `/events?${eventSearchParams({
    region: event.region,
    from: event.timeMs - MINUTE,
    to: event.timeMs + MINUTE,
    eventId: event.id,
  }).toString()}`;

/** The event search over a firing's whole window, in every region. */
export const firingSearchLink = (firing: Firing): string =>
  `/events?${eventSearchParams({
    region: "all",
    from: firing.windowStart,
    to: firing.windowEnd,
  }).toString()}`;

/** A firing: its rule, when, how many events, and the events that caused it, each a link to the event search. */
export function FiringView({
  firing,
  headingLevel = 3,
}: {
  firing: Firing;
  headingLevel?: 3 | 4;
}) {
  const { t } = useLingui();
  const { timeWithZone, range } = useFormat();
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const name = firing.ruleName;
  const severity = t(SEVERITY_LABELS[firing.severity]);
  const count = firing.count;
  const shown = firing.events.length;
  const identity = firing.identity;
  const firedAt = timeWithZone(firing.at);
  return (
    <article className="firing" data-severity={firing.severity}>
      <Heading className="firing-title">
        <SafeText value={name} maxLength={120} />
      </Heading>
      <p className="firing-facts">
        <span className="severity-badge" data-severity={firing.severity}>
          {severity}
        </span>{" "}
        {t`Fired ${firedAt}`}
        {" · "}
        {plural(count, {
          one: "# matching event",
          other: "# matching events",
        })}
        {" · "}
        {range(firing.windowStart, firing.windowEnd)}
      </p>
      {identity !== undefined && (
        <p>
          {t`Identity:`} <SafeText value={identity} maxLength={120} />
        </p>
      )}
      <ul className="firing-events" aria-label={t`Events of this firing`}>
        {firing.events.map((event) => (
          <li key={event.id}>
            <Link to={eventLink(event)}>
              <SafeText value={event.name} maxLength={80} />
            </Link>{" "}
            <span className="muted">
              {timeWithZone(event.timeMs)} · {event.region} ·{" "}
              <SafeText value={event.userName} maxLength={80} />
            </span>
          </li>
        ))}
      </ul>
      {count > shown && (
        <p className="muted">{t`Showing ${shown} of ${count} events.`}</p>
      )}
      <p>
        <Link to={firingSearchLink(firing)}>{t`Open in event search`}</Link>
      </p>
    </article>
  );
}
