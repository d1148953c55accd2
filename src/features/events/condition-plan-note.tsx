import { useLingui } from "@lingui/react/macro";
import { conditionText, type ConditionPlan } from "./conditions";

/** Which conditions LookupEvents runs and which the browser applies, said in one line. */
export function ConditionPlanNote({ plan }: { plan: ConditionPlan }) {
  const { t } = useLingui();
  const and = t`and`;
  const server = plan.server.map(conditionText).join(` ${and} `);
  const browser = plan.browser.map(conditionText).join(", ");
  return (
    <p className="condition-plan muted small" aria-live="polite">
      {plan.server.length
        ? t`On the server: ${server}.`
        : t`No condition on the server: every event in the range is read.`}{" "}
      {plan.browser.length > 0 &&
        t`In the browser, over loaded events: ${browser} (LookupEvents takes at most two conditions, and only certain pairs).`}
    </p>
  );
}
