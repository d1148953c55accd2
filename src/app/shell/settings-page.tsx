import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import {
  NO_FAULTS,
  type FaultSettings,
  type OwnDataInfo,
} from "@/lib/demo-controls";
import { eventSearchHref } from "@/lib/event-search-url";
import { SafeText } from "@/components/ui/safe-text";
import { Link } from "react-router";
import {
  usePrefsStore,
  type Density,
  type Theme,
  type TimeZonePref,
} from "@/stores/prefs-store";
import { useSessionStore } from "@/stores/session-store";

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
  const fileId = useId();
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
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
  const handleFile = async (file: File | undefined) => {
    if (!file) return;
    setLoadError(undefined);
    setLoading(true);
    try {
      await demo.loadOwnEvents(file, file.name);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">Simulated account</h2>
      <p>
        Every call is answered in this browser by a simulated ActionTrail
        account (<code>{demo.account.accountId}</code>). Nothing leaves the
        page.
      </p>
      <h3>Your own events</h3>
      <p>
        Look at events you exported or that a trail delivered to OSS: a JSON
        array, JSON Lines, or a gzipped file (<code>.json.gz</code>). They
        replace the generated events until you clear them.
      </p>
      <label htmlFor={fileId}>Events file</label>{" "}
      <input
        id={fileId}
        type="file"
        accept=".json,.jsonl,.ndjson,.gz,application/json,application/gzip"
        onChange={(e) => void handleFile(e.target.files?.[0])}
        disabled={loading}
      />
      {loading && <p role="status">Reading the file…</p>}
      {state.ownData && (
        <OwnDataSummary
          info={state.ownData}
          onClear={() => demo.clearOwnEvents()}
        />
      )}
      {loadError !== undefined && (
        <ErrorPanel
          error={loadError}
          title="The file could not be read"
          compact
        />
      )}
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
              onClick={() => {
                demo.resetDemoData();
                window.location.reload();
              }}
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

/** What the loaded file holds, and a search over exactly its span. */
function OwnDataSummary({
  info,
  onClear,
}: {
  info: OwnDataInfo;
  onClear: () => void;
}) {
  const first = info.firstEventTime ? Date.parse(info.firstEventTime) : NaN;
  const last = info.lastEventTime ? Date.parse(info.lastEventTime) : NaN;
  const region = info.regions[0];
  return (
    <div role="status" className="own-data-summary">
      <p>
        Showing {info.eventCount.toLocaleString("en-US")} events from{" "}
        <strong>
          <SafeText value={info.fileName} maxLength={120} />
        </strong>{" "}
        in {info.regions.length} region(s): {info.regions.join(", ")}
        {info.firstEventTime && info.lastEventTime && (
          <>
            , from {info.firstEventTime} to {info.lastEventTime}
          </>
        )}
        .
        {Boolean(info.rejectedCount) && (
          <>
            {" "}
            {info.rejectedCount?.toLocaleString("en-US")} item(s) were not
            events and were left out
            {info.rejected?.[0] && (
              <>
                {" "}
                (first at position {info.rejected[0].position}:{" "}
                <SafeText value={info.rejected[0].reason} maxLength={200} />)
              </>
            )}
            .
          </>
        )}
      </p>
      <p>
        {region && Number.isFinite(first) && Number.isFinite(last) && (
          <Link
            to={eventSearchHref({
              region: info.regions.length > 1 ? "all" : region,
              from: first,
              to: last + 1000,
            })}
          >
            Search these events
          </Link>
        )}{" "}
        <button type="button" onClick={onClear}>
          Back to the generated events
        </button>
      </p>
    </div>
  );
}
