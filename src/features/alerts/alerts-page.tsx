import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { describeError } from "@/api/errors";
import type { AlertRule } from "@/stores/alerts-store";
import { useCanWrite } from "@/stores/session-store";
import { FiringView } from "./firing-view";
import { RuleCard } from "./rule-card";
import { RuleEditor } from "./rule-editor";
import { useRuleSource } from "./rule-source";
import { newId } from "./scheduler";
import { STARTERS, ruleFromStarter } from "./starters";

/** Firings listed under "Recent firings". */
const RECENT_FIRINGS = 10;

/** The alert rules: create from a starter, each rule with its runs and firings, and the recent firings. */
export function AlertsPage({ clock = Date.now }: { clock?: () => number }) {
  const { t } = useLingui();
  useDocumentTitle(t`Alerts`);
  const source = useRuleSource(clock);
  const { rules, firings } = source;
  const { canWrite, reason } = useCanWrite();
  const reasonId = useId();
  const starterId = useId();
  const [starter, setStarter] = useState(STARTERS[0]!.id);
  const [draft, setDraft] = useState<AlertRule>();

  const handleCreate = () => {
    const chosen = STARTERS.find((s) => s.id === starter) ?? STARTERS[0]!;
    setDraft(ruleFromStarter(chosen, t(chosen.label), newId(), clock()));
  };
  return (
    <section className="page alerts-page" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t`Alerts`}</h1>
      <p>
        {source.where === "gateway"
          ? t`Rules watch the account's events and notify you when something needs attention. The gateway keeps them and runs them on their schedule, whether or not the console is open.`
          : t`Rules watch the account's events and notify you when something needs attention. In this console they run while it is open.`}
      </p>
      {!canWrite && (
        <p className="read-only-notice" role="note" id={reasonId}>
          <strong>{t`Alert rules are read-only.`}</strong> {reason}
        </p>
      )}
      <div className="card new-rule">
        <label htmlFor={starterId}>{t`Starter rule`}</label>{" "}
        <select
          id={starterId}
          value={starter}
          onChange={(e) => setStarter(e.target.value)}
          disabled={!canWrite}
        >
          {STARTERS.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.label)}
            </option>
          ))}
        </select>{" "}
        <button
          type="button"
          className="primary"
          disabled={!canWrite}
          {...(canWrite ? {} : { "aria-describedby": reasonId })}
          onClick={handleCreate}
        >
          {t`Create rule`}
        </button>
      </div>
      {source.error !== undefined && (
        <p role="alert" className="form-error">
          {t`The gateway's alert rules could not be read:`}{" "}
          {describeError(source.error).message}
        </p>
      )}
      {source.pending && source.where === "gateway" ? (
        <p role="status">{t`Reading the gateway's alert rules…`}</p>
      ) : rules.length === 0 ? (
        <EmptyState title={t`No alert rules yet`}>
          {t`Create one from a starter above.`}
        </EmptyState>
      ) : (
        rules.map((entry) => (
          <RuleCard
            key={entry.rule.id}
            entry={entry}
            source={source}
            canWrite={canWrite}
            reasonId={reasonId}
          />
        ))
      )}
      <section className="card" aria-labelledby="recent-firings">
        <h2 id="recent-firings">{t`Recent firings`}</h2>
        {firings.length === 0 ? (
          <p className="muted">{t`Nothing has fired yet.`}</p>
        ) : (
          firings
            .slice(0, RECENT_FIRINGS)
            .map((f) => <FiringView key={f.id} firing={f} />)
        )}
      </section>
      {draft && (
        <RuleEditor
          rule={draft}
          title={t`New alert rule`}
          gatewayDestinations={source.destinations}
          onClose={() => setDraft(undefined)}
          onSave={async (rule, destinationIds) => {
            await source.save(rule, destinationIds, true);
            setDraft(undefined);
          }}
        />
      )}
    </section>
  );
}
