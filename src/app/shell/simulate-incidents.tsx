import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import type { DemoControls, SimulatedIncident } from "@/lib/demo-controls";
import { useAlertsStore } from "@/stores/alerts-store";

/**
 * "Simulate: stop a trail" and "Simulate: make a bucket public": the incident
 * happens in the simulated account now, and the console's alert rules are
 * asked to run at once, so a rule watching for it fires within a minute.
 */
export function SimulateIncidents({ demo }: { demo: DemoControls }) {
  const { t } = useLingui();
  const requestRun = useAlertsStore((s) => s.requestRun);
  const [said, setSaid] = useState<string>();
  const handle = (kind: SimulatedIncident) => {
    try {
      const { target, eventName } = demo.simulateIncident(kind);
      requestRun(Date.now());
      setSaid(
        t`${eventName} on ${target} was recorded just now. Alert rules that watch for it fire within a minute.`,
      );
    } catch (error) {
      const why = (error as Error).message;
      setSaid(t`Nothing was simulated: ${why}`);
    }
  };
  return (
    <>
      <h3>{t`Incidents`}</h3>
      <p>
        {t`Set off an incident in the simulated account to see your alert rules fire.`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => handle("stop-trail")}>
          {t`Simulate: stop a trail`}
        </button>{" "}
        <button type="button" onClick={() => handle("public-bucket")}>
          {t`Simulate: make a bucket public`}
        </button>
      </div>
      <p role="status">{said}</p>
    </>
  );
}
