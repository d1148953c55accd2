import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/components/i18n/use-format";
import type { AlertRule } from "@/stores/alerts-store";
import { FiringView } from "./firing-view";
import { runRule, type RunResult } from "./run-rule";
import { allRegions, newId } from "./scheduler";

const DAY_MINUTES = 24 * 60;

/** "Test": runs a rule now over the last day and shows what it would have sent. Records nothing. */
export function TestRunButton({
  rule,
  clock,
}: {
  rule: AlertRule;
  clock: () => number;
}) {
  const { t } = useLingui();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const test = useMutation({
    mutationFn: async (): Promise<RunResult> =>
      runRule(rule, {
        regions: await allRegions(client),
        now: clock(),
        windowMinutes: DAY_MINUTES,
        firings: [],
        newId,
      }),
  });
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
  threshold,
}: {
  pending: boolean;
  result: RunResult | undefined;
  threshold: number;
}) {
  const { t } = useLingui();
  const { range } = useFormat();
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
