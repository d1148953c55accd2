import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { NO_FAULTS, type FaultSettings } from "@/lib/demo-controls";
import { SafeText } from "@/components/ui/safe-text";
import {
  usePrefsStore,
  type Density,
  type Theme,
  type TimeZonePref,
} from "@/stores/prefs-store";
import { useSessionStore } from "@/stores/session-store";
import { OwnDataSettings } from "./own-data-settings";

/** Preferences, and in mock mode the simulated account's controls. */
export function SettingsPage() {
  useDocumentTitle("Settings");
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <Preferences />
      <DemoSettings />
    </section>
  );
}

function Preferences() {
  const { theme, timeZone, density, setTheme, setTimeZone, setDensity } =
    usePrefsStore();
  return (
    <fieldset className="card">
      <legend>Display</legend>
      <RadioGroup<Theme>
        label="Theme"
        value={theme}
        options={[
          ["system", "Follow the system"],
          ["light", "Light"],
          ["dark", "Dark"],
        ]}
        onChange={setTheme}
      />
      <RadioGroup<TimeZonePref>
        label="Times are shown in"
        value={timeZone}
        options={[
          ["local", "Local time of this browser"],
          ["utc", "UTC (as ActionTrail stores them)"],
        ]}
        onChange={setTimeZone}
      />
      <RadioGroup<Density>
        label="Table density"
        value={density}
        options={[
          ["comfortable", "Comfortable"],
          ["compact", "Compact"],
        ]}
        onChange={setDensity}
      />
    </fieldset>
  );
}

function RadioGroup<T extends string>(props: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend>{props.label}</legend>
      {props.options.map(([value, text]) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />{" "}
          {text}
        </label>
      ))}
    </fieldset>
  );
}

function DemoSettings() {
  const demo = useSessionStore((s) => s.demo);
  const state = useSessionStore((s) => s.demoState);
  const [confirmReset, setConfirmReset] = useState(false);
  if (!demo || !state) {
    return (
      <section className="card" aria-labelledby="live-title">
        <h2 id="live-title">Connection</h2>
        <p>
          Trailscope is connected to ActionTrail through the signing gateway.
          Credentials stay on the gateway.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">Simulated account</h2>
      <p>
        Every call is answered in this browser by a simulated ActionTrail
        account
        {state.ownData ? (
          <>
            {" "}
            holding your events from{" "}
            <strong>
              <SafeText value={state.ownData.fileName} maxLength={120} />
            </strong>
            {state.ownData.accountId && (
              <>
                {" "}
                (account{" "}
                <code>
                  <SafeText value={state.ownData.accountId} maxLength={40} />
                </code>
                )
              </>
            )}
          </>
        ) : (
          <>
            {" "}
            (<code>{demo.account.accountId}</code>)
          </>
        )}
        . Nothing leaves the page.
      </p>
      <OwnDataSettings demo={demo} />
      <FaultControls value={state.faults} onChange={(f) => demo.setFaults(f)} />
      <h3>Reset</h3>
      <p>
        Forget the trails you created or changed here and any events file you
        loaded.
      </p>
      <button
        type="button"
        className="danger"
        onClick={() => setConfirmReset(true)}
      >
        Reset demo data…
      </button>
      <Dialog
        open={confirmReset}
        title="Reset the simulated account?"
        onClose={() => setConfirmReset(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void Promise.resolve(demo.resetDemoData()).finally(() =>
                  window.location.reload(),
                )
              }
            >
              Reset and reload
            </button>
          </>
        }
      >
        <p>
          Trails you created, changed or deleted in this browser return to their
          starting state. Preferences are kept.
        </p>
      </Dialog>
    </section>
  );
}

function FaultControls({
  value,
  onChange,
}: {
  value: FaultSettings;
  onChange: (faults: FaultSettings) => void;
}) {
  const idBase = useId();
  const field = (
    key: "throttleRate" | "errorRate" | "slowRate",
    label: string,
  ) => (
    <div className="fault-field">
      <label htmlFor={`${idBase}-${key}`}>{label}</label>
      <input
        id={`${idBase}-${key}`}
        type="range"
        min={0}
        max={100}
        step={5}
        value={Math.round(value[key] * 100)}
        onChange={(e) =>
          onChange({
            ...value,
            [key]: Number(e.target.value) / 100,
            slowMs: value.slowMs || 3000,
          })
        }
      />
      <output htmlFor={`${idBase}-${key}`}>
        {Math.round(value[key] * 100)} %
      </output>
    </div>
  );
  return (
    <fieldset className="faults">
      <legend>Faults (to see how the console copes)</legend>
      {field("throttleRate", "Calls throttled (Throttling.User)")}
      {field("errorRate", "Calls failing (HTTP 500 InternalError)")}
      {field("slowRate", "Calls answered slowly (3 s)")}
      <button type="button" onClick={() => onChange(NO_FAULTS)}>
        No faults
      </button>
    </fieldset>
  );
}
