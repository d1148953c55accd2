import { Trans, useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import type { RuleMeta } from "@/lib/sigma/compile";
import { ruleText } from "@/lib/sigma/rule-text";
import { eventSearchHref } from "@/lib/event-search-url";
import { useFindingsStore } from "@/stores/findings-store";
import type { AuditEvent } from "@/api/schemas/event";
import { AddToCase } from "./add-to-case";
import { FindingLinks } from "./finding-links";
import { RuleEvidence } from "./rule-evidence";
import { SignalEvidence } from "./signal-evidence";
import type { Finding, Signal } from "./group-findings";
import type { Triage } from "./triage";

interface FindingCardProps {
  finding: Finding;
  triage: Triage | undefined;
  rules: Readonly<Record<string, RuleMeta>>;
  /** The finding's events that the run handed back (what "Add to case" pins). */
  events: readonly AuditEvent[];
  now: number;
}

/** Rule hits shown in the evidence (the timeline lists them all). */
const RULE_EVIDENCE_MAX = 10;

/** One finding: who, what, when, its timeline, links to its events and a triage decision. */
export function FindingCard({
  finding,
  triage,
  rules,
  events,
  now,
}: FindingCardProps) {
  const { i18n, t } = useLingui();
  const format = useFormat();
  const decide = useFindingsStore((s) => s.decide);
  const reopen = useFindingsStore((s) => s.reopen);
  const [reason, setReason] = useState("");
  const severity: Record<Finding["severity"], string> = {
    critical: t`Critical`,
    high: t`High`,
    medium: t`Medium`,
    low: t`Low`,
    informational: t`Informational`,
  };
  const who = finding.actor?.value ?? finding.resources[0] ?? finding.key;
  const titleId = `finding-${finding.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const label = (signal: Signal) => {
    if (signal.detail) return i18n._(signal.detail.title);
    const meta = Object.hasOwn(rules, signal.ruleId)
      ? rules[signal.ruleId]
      : undefined;
    return meta ? ruleText(meta, i18n.locale).title : signal.ruleId;
  };
  const firstSignal = finding.signals[0];
  const caseTitle = firstSignal ? `${who} — ${label(firstSignal)}` : who;
  const detailed = finding.signals.filter((s) => s.detail);
  const ruleHits = finding.signals
    .filter((s) => s.facts)
    .slice(0, RULE_EVIDENCE_MAX);
  const eventsHref = eventSearchHref({
    from: finding.firstMs,
    to: finding.lastMs + 1000,
    filters: finding.actor
      ? [
          {
            key:
              finding.actor.kind === "accessKey" ? "EventAccessKeyId" : "User",
            value: finding.actor.value,
          },
        ]
      : [],
  });
  const take = (state: Triage["state"]) =>
    decide(finding.key, { state, reason, atMs: now, lastMs: finding.lastMs });
  return (
    <article aria-labelledby={titleId} className="card detection-card">
      <h4 id={titleId}>
        <span className={`badge severity-${finding.severity}`}>
          {severity[finding.severity]}
        </span>{" "}
        <SafeText value={who} />
      </h4>
      <p className="muted">
        {format.range(finding.firstMs, finding.lastMs)} ·{" "}
        {finding.regions.join(", ")}
      </p>
      <ol aria-label={t`Timeline`}>
        {finding.signals.slice(0, 20).map((s) => (
          <li key={s.id}>
            {format.time(s.firstMs)} — <SafeText value={label(s)} />
            {s.resource && (
              <>
                {" "}
                · <SafeText value={s.resource} />
              </>
            )}
          </li>
        ))}
      </ol>
      {detailed.length + ruleHits.length > 0 && (
        <details className="finding-evidence">
          <summary>
            <Trans>Evidence</Trans>
          </summary>
          {detailed.map((s) => (
            <SignalEvidence key={s.id} signal={s} />
          ))}
          {ruleHits.map((s) => (
            <RuleEvidence key={s.id} signal={s} title={label(s)} />
          ))}
        </details>
      )}
      <FindingLinks finding={finding} eventsHref={eventsHref} now={now} />
      <p>
        <AddToCase
          title={caseTitle}
          events={events}
          href={eventsHref}
          firstMs={finding.firstMs}
          lastMs={finding.lastMs}
        />
      </p>
      {triage ? (
        <p>
          {triage.state === "dismissed" ? (
            <Trans>Dismissed: {triage.reason}</Trans>
          ) : (
            <Trans>Acknowledged: {triage.reason}</Trans>
          )}{" "}
          <button type="button" onClick={() => reopen(finding.key)}>
            <Trans>Reopen</Trans>
          </button>
        </p>
      ) : (
        <p className="page-tools">
          <label>
            <Trans>Reason</Trans>{" "}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" onClick={() => take("acknowledged")}>
            <Trans>Acknowledge</Trans>
          </button>
          <button type="button" onClick={() => take("dismissed")}>
            <Trans>Dismiss</Trans>
          </button>
        </p>
      )}
    </article>
  );
}
