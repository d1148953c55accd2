import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import type { Finding } from "./group-findings";

const DAY = 86_400_000;
const MAX_ADDRESSES = 5;
const MAX_RESOURCES = 3;

/** Investigate's range that covers the finding (its default, 7 days, stays out of the link). */
function rangeFor(firstMs: number, now: number): string | undefined {
  const age = now - firstMs;
  if (age <= DAY) return "24h";
  if (age <= 7 * DAY) return undefined;
  return "30d";
}

const identityHref = (kind: string, value: string, range?: string) => {
  const p = new URLSearchParams({ kind, value });
  if (range) p.set("range", range);
  return `/investigate/identity?${p.toString()}`;
};

const resourceHref = (name: string, range?: string) => {
  const p = new URLSearchParams({ name });
  // The resource page looks 30 days back unless told otherwise.
  if (range && range !== "30d") p.set("range", range);
  else if (!range) p.set("range", "7d");
  return `/investigate/resource?${p.toString()}`;
};

/** From a finding: its events, and Investigate for its actor, its AccessKeys, addresses and resources. */
export function FindingLinks({
  finding,
  eventsHref,
  now,
}: {
  finding: Finding;
  eventsHref: string;
  now: number;
}) {
  const { t } = useLingui();
  const range = rangeFor(finding.firstMs, now);
  const actor = finding.actor;
  const keys = [
    ...new Set(
      finding.signals.flatMap((s) =>
        s.actor?.kind === "accessKey" ? [s.actor.value] : [],
      ),
    ),
  ].filter((k) => !(actor?.kind === "accessKey" && actor.value === k));
  const addresses = finding.sourceIps.slice(0, MAX_ADDRESSES);
  const resources = finding.resourceNames.slice(0, MAX_RESOURCES);
  return (
    <ul className="detection-links" aria-label={t`Follow this finding`}>
      <li>
        <Link to={eventsHref}>
          <Plural
            value={finding.eventIds.length}
            one="Open its # event"
            other="Open its # events"
          />
        </Link>
      </li>
      {actor && (
        <li>
          <Link to={identityHref(actor.kind, actor.value, range)}>
            <Trans>Investigate</Trans>
          </Link>
        </li>
      )}
      {keys.map((key) => (
        <li key={key}>
          <Link to={identityHref("accessKey", key, range)}>
            <Trans>
              Investigate AccessKey <SafeText value={key} maxLength={120} />
            </Trans>
          </Link>
        </li>
      ))}
      {addresses.map((ip) => (
        <li key={ip}>
          <Link to={identityHref("ip", ip, range)}>
            <Trans>
              Investigate address <SafeText value={ip} maxLength={120} />
            </Trans>
          </Link>
        </li>
      ))}
      {resources.map((name) => (
        <li key={name}>
          <Link to={resourceHref(name, range)}>
            <Trans>
              Investigate resource <SafeText value={name} maxLength={120} />
            </Trans>
          </Link>
        </li>
      ))}
    </ul>
  );
}
