import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { describeError } from "@/api/errors";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/i18n/use-format";
import type { AlertRule } from "@/stores/alerts-store";
import { FiringView } from "./firing-view";
import type { RunResult } from "./run-rule";

/** "Test": runs a rule now over the last day and shows what it would have sent. Records nothing. */
export function TestRunButton({
  rule,
  onTest,
}: {
  rule: AlertRule;
  /** Runs it where the rules run (this browser, or the gateway). */
  onTest: (rule: AlertRule) => Promise<RunResult>;
}) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const test = useMutation({ mutationFn: () => onTest(rule) });
  const name = rule.name;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          test.mutate();
        }}
      >
        {t`Test`}
      </button>
      {open && (
        <Dialog
          open
          title={t`Test of ${name} over the last day`}
          onClose={() => setOpen(false)}
          footer={
            <button type="button" onClick={() => setOpen(false)}>
              {t`Close`}
            </button>
          }
        >
          <TestOutcome
            pending={test.isPending}
            result={test.data}
            error={test.error}
            threshold={rule.threshold}
          />
        </Dialog>
      )}
    </>
  );
}

function TestOutcome({
  pending,
  result,
  error: failure,
  threshold,
}: {
  pending: boolean;
  result: RunResult | undefined;
  error: Error | null;
  threshold: number;
}) {
  const { t } = useLingui();
  const { range } = useFormat();
  if (failure) {
    const { message } = describeError(failure);
    return <p role="alert">{t`The test could not run: ${message}`}</p>;
  }
  if (pending || !result)
    return <p role="status">{t`Reading the last day of events…`}</p>;
  const { run, firing } = result;
  const matched = run.matched;
  const error = run.error ?? "";
  return (
    <div role="status">
      <p>{range(run.windowStart, run.windowEnd)}</p>
      {run.outcome === "failed" ? (
        <p role="alert">{t`The test could not read the events: ${error}`}</p>
      ) : firing ? (
        <>
          <p>
            <strong>{t`It would have sent this notification:`}</strong>
          </p>
          <FiringView firing={firing} headingLevel={3} />
        </>
      ) : (
        <p>
          {plural(matched, {
            one: "# event matched",
            other: "# events matched",
          })}
          {" · "}
          {t`below the threshold of ${threshold}: nothing would have been sent.`}
        </p>
      )}
      {run.partial && (
        <p className="muted">
          {t`Some regions or times could not be read: the result may be incomplete.`}
        </p>
      )}
    </div>
  );
}
