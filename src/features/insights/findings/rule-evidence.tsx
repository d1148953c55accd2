import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import type { Novelty, Signal } from "./group-findings";

/**
 * A rule hit inside a finding: who, from which address and region (and
 * whether each was new for the actor), on which resource, when, and what the
 * request asked for, as the event holds it.
 */
export function RuleEvidence({
  signal,
  title,
}: {
  signal: Signal;
  title: string;
}) {
  const { t } = useLingui();
  const format = useFormat();
  const facts = signal.facts;
  if (!facts) return null;
  const note: Record<Novelty, string> = {
    new: t`new for this actor`,
    usual: t`used by this actor before`,
    none: t`no earlier activity of this actor in the range: no baseline`,
  };
  const who = signal.actor?.value;
  return (
    <section aria-label={title} className="signal-evidence">
      <h5>
        <SafeText value={title} />
      </h5>
      <dl className="evidence">
        <div>
          <dt>
            <Trans>When</Trans>
          </dt>
          <dd>
            <time dateTime={new Date(signal.firstMs).toISOString()}>
              {format.timeWithZone(signal.firstMs)}
            </time>
          </dd>
        </div>
        {who && (
          <div>
            <dt>
              <Trans>Who</Trans>
            </dt>
            <dd>
              <SafeText value={who} maxLength={120} />
              {signal.owner && signal.owner !== who && (
                <>
                  {" "}
                  (<SafeText value={signal.owner} maxLength={120} />)
                </>
              )}
            </dd>
          </div>
        )}
        {facts.ip && (
          <div>
            <dt>
              <Trans>Source IP</Trans>
            </dt>
            <dd>
              <SafeText value={facts.ip} maxLength={120} />{" "}
              <span className="muted">({note[facts.ipNovelty]})</span>
            </dd>
          </div>
        )}
        {facts.region && (
          <div>
            <dt>
              <Trans>Region</Trans>
            </dt>
            <dd>
              <SafeText value={facts.region} maxLength={120} />{" "}
              <span className="muted">({note[facts.regionNovelty]})</span>
            </dd>
          </div>
        )}
        {signal.resource && (
          <div>
            <dt>
              <Trans>Resource</Trans>
            </dt>
            <dd>
              <SafeText value={signal.resource} maxLength={200} />
            </dd>
          </div>
        )}
        {facts.params.length > 0 && (
          <div>
            <dt>
              <Trans>Request parameters</Trans>
            </dt>
            <dd>
              <ul className="value-list">
                {facts.params.map(([key, value]) => (
                  <li key={key}>
                    <SafeText value={key} maxLength={80} />
                    {": "}
                    <SafeText value={value} maxLength={120} />
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
