import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { packRules } from "@/lib/sigma/rule-pack";
import { ruleText } from "@/lib/sigma/rule-text";
import { describeError } from "@/api/errors";
import type { AlertSource } from "@/stores/alerts-store";
import { FiringView } from "./firing-view";
import { DESTINATION_LABELS, OUTCOME_LABELS, SEVERITY_LABELS } from "./labels";
import { RuleEditor } from "./rule-editor";
import type { RuleEntry, RuleSource } from "./rule-source";
import { TestRunButton } from "./test-run";

/** How many firings a rule shows under it. */
const RECENT = 3;

/** What a rule watches, in words (detection rules by their title in the reader's language). */
function SourceText({ source }: { source: AlertSource }) {
  const { t, i18n } = useLingui();
  if (source.kind === "failures")
    return <>{t`Failed calls (any error code)`}</>;
  if (source.kind === "search") {
    const text = source.conditions.map((c) => `${c.key}:${c.value}`).join(" ");
    return (
      <>
        {t`Search:`} <code>{text}</code>
      </>
    );
  }
  const titles = packRules()
    .filter((r) => source.ruleIds.includes(r.meta.id))
    .map((r) => ruleText(r.meta, i18n.locale).title)
    .join("; ");
  return (
    <>
      {t`Detection rules:`} {titles}
    </>
  );
}

export interface RuleCardProps {
  entry: RuleEntry;
  /** Where the rule is kept and run (this browser or the gateway). */
  source: RuleSource;
  canWrite: boolean;
  /** Why changes are unavailable (shown by the page; linked from the buttons). */
  reasonId: string;
}

/** One alert rule: its settings, last run, result and next run, its recent firings, and its actions. */
export function RuleCard({ entry, source, canWrite, reasonId }: RuleCardProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const { rule, lastRun, next } = entry;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const firings = source.firings.filter((f) => f.ruleId === rule.id);
  const act = (change: Promise<void>) => {
    setRefusal(undefined);
    change.catch((error: unknown) => setRefusal(describeError(error).message));
  };
  const failed = entry.failedDeliveries;
  const held = entry.heldDeliveries;
  const name = rule.name;
  const headingId = `rule-${rule.id}`;
  const denied = canWrite ? {} : { "aria-describedby": reasonId };
  const threshold = rule.threshold;
  const window = rule.windowMinutes;
  const schedule = rule.scheduleMinutes;
  const quiet = rule.quietMinutes;
  const destinations =
    source.where === "gateway"
      ? [
          t`Notification centre`,
          ...(source.destinations ?? [])
            .filter((d) => entry.destinationIds.includes(d.id))
            .map((d) => d.name),
        ].join(", ")
      : rule.destinations.map((d) => t(DESTINATION_LABELS[d])).join(", ");
  return (
    <article className="card alert-rule" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <SafeText value={name} maxLength={120} />{" "}
        <span className="severity-badge" data-severity={rule.severity}>
          {t(SEVERITY_LABELS[rule.severity])}
        </span>
        {!rule.enabled && <span className="muted"> {t`(switched off)`}</span>}
      </h2>
      <p>
        <SourceText source={rule.source} />
      </p>
      <p>
        {t`At least ${threshold} events within ${window} minutes, checked every ${schedule} minutes; at most one notification per ${quiet} minutes.`}
        {rule.perIdentity && <> {t`Counted per identity.`}</>}
      </p>
      <p>
        {t`Sends to:`} <SafeText value={destinations} maxLength={300} />
      </p>
      {(failed > 0 || held > 0) && (
        <p className="form-error">
          {failed > 0 &&
            plural(failed, {
              one: "# delivery failed.",
              other: "# deliveries failed.",
            })}{" "}
          {held > 0 &&
            plural(held, {
              one: "# delivery waits for a paused destination.",
              other: "# deliveries wait for a paused destination.",
            })}
        </p>
      )}
      <dl className="alert-run">
        <dt>{t`Last run`}</dt>
        <dd>{lastRun ? timeWithZone(lastRun.at) : t`Not run yet`}</dd>
        <dt>{t`Result`}</dt>
        <dd>
          {lastRun ? t(OUTCOME_LABELS[lastRun.outcome]) : "—"}
          {lastRun?.error && (
            <>
              {" "}
              <SafeText value={lastRun.error} maxLength={200} />
            </>
          )}
          {lastRun?.partial && lastRun.outcome !== "failed" && (
            <> {t`(some regions could not be read)`}</>
          )}
        </dd>
        <dt>{t`Next run`}</dt>
        <dd>{next === undefined ? t`Switched off` : timeWithZone(next)}</dd>
      </dl>
      <div className="button-row">
        <TestRunButton rule={rule} onTest={source.test} />
        <button
          type="button"
          disabled={!canWrite}
          {...denied}
          onClick={() => setEditing(true)}
        >
          {t`Edit`}
        </button>
        <button
          type="button"
          disabled={!canWrite}
          {...denied}
          onClick={() => act(source.setEnabled(entry, !rule.enabled))}
        >
          {rule.enabled ? t`Switch off` : t`Switch on`}
        </button>
        <button
          type="button"
          className="danger"
          disabled={!canWrite}
          {...denied}
          onClick={() => setConfirmDelete(true)}
        >
          {t`Delete`}
        </button>
      </div>
      {refusal && (
        <p role="alert" className="form-error">
          {t`The change was refused: ${refusal}`}
        </p>
      )}
      <section aria-label={t`Recent firings of ${name}`}>
        {firings.length === 0 ? (
          <p className="muted">{t`No firings yet.`}</p>
        ) : (
          firings
            .slice(0, RECENT)
            .map((f) => <FiringView key={f.id} firing={f} />)
        )}
      </section>
      {editing && (
        <RuleEditor
          rule={rule}
          title={t`Edit ${name}`}
          gatewayDestinations={source.destinations}
          destinationIds={entry.destinationIds}
          onClose={() => setEditing(false)}
          onSave={async (changed, ids) => {
            await source.save(changed, ids, false);
            setEditing(false);
          }}
        />
      )}
      <Dialog
        open={confirmDelete}
        title={t`Delete ${name}?`}
        onClose={() => setConfirmDelete(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t`Cancel`}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmDelete(false);
                act(source.remove(rule.id));
              }}
            >
              {t`Delete rule`}
            </button>
          </>
        }
      >
        <p>{t`The rule stops running. Its firings stay in the notification centre.`}</p>
      </Dialog>
    </article>
  );
}
