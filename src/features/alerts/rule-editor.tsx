import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { describeError } from "@/api/errors";
import type { GatewayDestination } from "@/api/schemas/alerts";
import { Dialog } from "@/components/ui/dialog";
import { SafeText } from "@/components/ui/safe-text";
import {
  CONSOLE_DESTINATIONS,
  SCHEDULES,
  SEVERITIES,
  type AlertRule,
  type AlertSchedule,
  type AlertSeverity,
  type ConsoleDestination,
} from "@/stores/alerts-store";
import { DESTINATION_LABELS, SEVERITY_LABELS } from "./labels";

/** Whole minutes from 1 to a week: what a window or a quiet period may be. */
const toMinutes = (text: string): number | undefined => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 7 * 24 * 60 ? n : undefined;
};

/**
 * A rule's settings in a dialog: name, threshold and window, schedule,
 * severity, quiet period, destinations (the gateway's, when it keeps the
 * rules). A save that is refused (a read-only gateway) says why and keeps
 * what was typed.
 */
export function RuleEditor({
  rule,
  title,
  onSave,
  onClose,
  gatewayDestinations,
  destinationIds: initialIds = [],
}: {
  rule: AlertRule;
  title: string;
  onSave: (rule: AlertRule, destinationIds: string[]) => Promise<void>;
  onClose: () => void;
  /** The gateway's destinations: a firing is sent to those ticked. */
  gatewayDestinations?: readonly GatewayDestination[] | undefined;
  destinationIds?: readonly string[];
}) {
  const { t } = useLingui();
  const id = useId();
  const [name, setName] = useState(rule.name);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [window, setWindow] = useState(String(rule.windowMinutes));
  const [schedule, setSchedule] = useState<AlertSchedule>(rule.scheduleMinutes);
  const [severity, setSeverity] = useState<AlertSeverity>(rule.severity);
  const [quiet, setQuiet] = useState(String(rule.quietMinutes));
  const [destinations, setDestinations] = useState(rule.destinations);
  const [destinationIds, setDestinationIds] = useState<string[]>([
    ...initialIds,
  ]);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const handleSave = () => {
    const n = toMinutes(threshold);
    const w = toMinutes(window);
    const q = toMinutes(quiet);
    if (!name.trim()) return setProblem(t`Give the rule a name.`);
    if (n === undefined || n < 1)
      return setProblem(
        t`The threshold is a whole number of events, at least 1.`,
      );
    if (w === undefined || w < 1)
      return setProblem(
        t`The window is a whole number of minutes, at least 1.`,
      );
    if (q === undefined)
      return setProblem(t`The quiet period is a whole number of minutes.`);
    setProblem(undefined);
    setSaving(true);
    onSave(
      {
        ...rule,
        name: name.trim(),
        threshold: n,
        windowMinutes: w,
        scheduleMinutes: schedule,
        severity,
        quietMinutes: q,
        destinations,
      },
      destinationIds,
    ).catch((error: unknown) => {
      const { message } = describeError(error);
      setProblem(t`The rule was not saved: ${message}`);
      setSaving(false);
    });
  };
  const toggleGateway = (id: string, on: boolean) =>
    setDestinationIds((list) =>
      on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id),
    );
  const toggle = (d: ConsoleDestination, on: boolean) =>
    setDestinations((list) =>
      on ? [...list.filter((x) => x !== d), d] : list.filter((x) => x !== d),
    );

  return (
    <Dialog
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t`Cancel`}
          </button>
          <button
            type="button"
            className="primary"
            disabled={saving}
            onClick={handleSave}
          >
            {t`Save rule`}
          </button>
        </>
      }
    >
      <div className="rule-editor">
        <label htmlFor={`${id}-name`}>{t`Name`}</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label
          htmlFor={`${id}-threshold`}
        >{t`At least this many events`}</label>
        <input
          id={`${id}-threshold`}
          inputMode="numeric"
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
        />
        <label htmlFor={`${id}-window`}>{t`Within the last (minutes)`}</label>
        <input
          id={`${id}-window`}
          inputMode="numeric"
          value={window}
          onChange={(e) => setWindow(e.target.value)}
        />
        <label htmlFor={`${id}-schedule`}>{t`Runs every`}</label>
        <select
          id={`${id}-schedule`}
          value={schedule}
          onChange={(e) => setSchedule(Number(e.target.value) as AlertSchedule)}
        >
          {SCHEDULES.map((m) => (
            <option key={m} value={m}>
              {t`${m} minutes`}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-severity`}>{t`Severity`}</label>
        <select
          id={`${id}-severity`}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as AlertSeverity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(SEVERITY_LABELS[s])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-quiet`}>
          {t`Quiet period: at most one notification per (minutes)`}
        </label>
        <input
          id={`${id}-quiet`}
          inputMode="numeric"
          value={quiet}
          onChange={(e) => setQuiet(e.target.value)}
        />
        {gatewayDestinations ? (
          <fieldset>
            <legend>{t`Destinations (sent by the gateway)`}</legend>
            {gatewayDestinations.length === 0 && (
              <p className="muted">{t`The gateway has no destinations yet: firings show in the notification centre.`}</p>
            )}
            {gatewayDestinations.map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={destinationIds.includes(d.id)}
                  onChange={(e) => toggleGateway(d.id, e.target.checked)}
                />{" "}
                <SafeText value={d.name} maxLength={80} />{" "}
                <span className="muted">
                  <SafeText value={d.target} maxLength={80} />
                  {d.deliveryConfirmations &&
                    ` · ${t`also receives trail delivery confirmations`}`}
                  {d.paused && ` · ${t`paused`}`}
                </span>
              </label>
            ))}
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t`Destinations`}</legend>
            {CONSOLE_DESTINATIONS.map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={destinations.includes(d)}
                  onChange={(e) => toggle(d, e.target.checked)}
                />{" "}
                {t(DESTINATION_LABELS[d])}
              </label>
            ))}
          </fieldset>
        )}
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
