import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
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

/** A rule's settings in a dialog: name, threshold and window, schedule, severity, quiet period, destinations. */
export function RuleEditor({
  rule,
  title,
  onSave,
  onClose,
}: {
  rule: AlertRule;
  title: string;
  onSave: (rule: AlertRule) => void;
  onClose: () => void;
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
  const [problem, setProblem] = useState<string>();

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
    onSave({
      ...rule,
      name: name.trim(),
      threshold: n,
      windowMinutes: w,
      scheduleMinutes: schedule,
      severity,
      quietMinutes: q,
      destinations,
    });
  };
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
          <button type="button" className="primary" onClick={handleSave}>
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
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
