import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import type { Locale } from "@/lib/locale";
import { zoneLabel } from "@/lib/time";
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
  const { t } = useLingui();
  useDocumentTitle(t`Settings`);
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">{t`Settings`}</h1>
      <Preferences />
      <DemoSettings />
    </section>
  );
}

function Preferences() {
  const { t } = useLingui();
  const { zoneName } = useFormat();
  const { theme, timeZone, density, locale } = usePrefsStore();
  const { setTheme, setTimeZone, setDensity, setLocale } = usePrefsStore();
  // The browser's own offset now, so the choice says what "browser" means here.
  const [browserOffset] = useState(() => zoneLabel("local", Date.now()));
  return (
    <fieldset className="card">
      <legend>{t`Display`}</legend>
      <RadioGroup<Locale>
        label={t`Language`}
        value={locale}
        options={[
          ["zh-CN", "中文（简体）"],
          ["en-US", "English"],
        ]}
        onChange={setLocale}
      />
      <RadioGroup<Theme>
        label={t`Theme`}
        value={theme}
        options={[
          ["system", t`Follow the system`],
          ["light", t`Light`],
          ["dark", t`Dark`],
        ]}
        onChange={setTheme}
      />
      <RadioGroup<TimeZonePref>
        label={t`Times are shown in`}
        value={timeZone}
        options={[
          [
            "local",
            t`${zoneName("local")} (this browser, now ${browserOffset})`,
          ],
          ["utc", t`UTC (as ActionTrail stores them)`],
          ["beijing", zoneName("beijing")],
        ]}
        onChange={setTimeZone}
      />
      <RadioGroup<Density>
        label={t`Table density`}
        value={density}
        options={[
          ["comfortable", t`Comfortable`],
          ["compact", t`Compact`],
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
  const { t } = useLingui();
  const demo = useSessionStore((s) => s.demo);
  const state = useSessionStore((s) => s.demoState);
  const fileId = useId();
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  if (!demo || !state) {
    return (
      <section className="card" aria-labelledby="live-title">
        <h2 id="live-title">{t`Connection`}</h2>
        <p>
          {t`Trailscope is connected to ActionTrail through the signing gateway. Credentials stay on the gateway.`}
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
      <h2 id="demo-title">{t`Simulated account`}</h2>
      <p>
        <Trans>
          Every call is answered in this browser by a simulated ActionTrail
          account (<code>{demo.account.accountId}</code>). Nothing leaves the
          page.
        </Trans>
      </p>
      <h3>{t`Your own events`}</h3>
      <p>
        <Trans>
          Look at events you exported or that a trail delivered to OSS: a JSON
          array, JSON Lines, or a gzipped file (<code>.json.gz</code>). They
          replace the generated events until you clear them.
        </Trans>
      </p>
      <label htmlFor={fileId}>{t`Events file`}</label>{" "}
      <input
        id={fileId}
        type="file"
        accept=".json,.jsonl,.ndjson,.gz,application/json,application/gzip"
        onChange={(e) => void handleFile(e.target.files?.[0])}
        disabled={loading}
      />
      {loading && <p role="status">{t`Reading the file…`}</p>}
      {state.ownData && (
        <OwnDataSummary
          info={state.ownData}
          onClear={() => demo.clearOwnEvents()}
        />
      )}
      {loadError !== undefined && (
        <ErrorPanel
          error={loadError}
          title={t`The file could not be read`}
          compact
        />
      )}
      <FaultControls value={state.faults} onChange={(f) => demo.setFaults(f)} />
      <h3>{t`Reset`}</h3>
      <p>
        {t`Forget the trails you created or changed here and any events file you loaded.`}
      </p>
      <button
        type="button"
        className="danger"
        onClick={() => setConfirmReset(true)}
      >
        {t`Reset demo data…`}
      </button>
      <Dialog
        open={confirmReset}
        title={t`Reset the simulated account?`}
        onClose={() => setConfirmReset(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmReset(false)}>
              {t`Cancel`}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                demo.resetDemoData();
                window.location.reload();
              }}
            >
              {t`Reset and reload`}
            </button>
          </>
        }
      >
        <p>
          {t`Trails you created, changed or deleted in this browser return to their starting state. Preferences are kept.`}
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
  const { t } = useLingui();
  const { percent } = useFormat();
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
      <output htmlFor={`${idBase}-${key}`}>{percent(value[key])}</output>
    </div>
  );
  return (
    <fieldset className="faults">
      <legend>{t`Faults (to see how the console copes)`}</legend>
      {field("throttleRate", t`Calls throttled (Throttling.User)`)}
      {field("errorRate", t`Calls failing (HTTP 500 InternalError)`)}
      {field("slowRate", t`Calls answered slowly (3 s)`)}
      <button type="button" onClick={() => onChange(NO_FAULTS)}>
        {t`No faults`}
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
  const { t } = useLingui();
  const { gap } = useFormat();
  const events = plural(info.eventCount, { one: "# event", other: "# events" });
  const regionCount = plural(info.regions.length, {
    one: "# region",
    other: "# regions",
  });
  const regionList = info.regions.join(", ");
  const first = info.firstEventTime ? Date.parse(info.firstEventTime) : NaN;
  const last = info.lastEventTime ? Date.parse(info.lastEventTime) : NaN;
  const region = info.regions[0];
  return (
    <div role="status" className="own-data-summary">
      <p>
        <Trans>
          Showing {events} from{" "}
          <strong>
            <SafeText value={info.fileName} maxLength={120} />
          </strong>{" "}
          in {regionCount}: {regionList}.
        </Trans>
        {info.firstEventTime && info.lastEventTime && (
          <>
            {gap}
            {t`They span from ${info.firstEventTime} to ${info.lastEventTime}.`}
          </>
        )}
        {Boolean(info.rejectedCount) && (
          <>
            {gap}
            {plural(info.rejectedCount ?? 0, {
              one: "# item was not an event and was left out.",
              other: "# items were not events and were left out.",
            })}
            {info.rejected?.[0] && (
              <>
                {" "}
                <Trans>
                  (First at position {info.rejected[0].position}:{" "}
                  <SafeText value={info.rejected[0].reason} maxLength={200} />)
                </Trans>
              </>
            )}
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
            {t`Search these events`}
          </Link>
        )}{" "}
        <button type="button" onClick={onClear}>
          {t`Back to the generated events`}
        </button>
      </p>
    </div>
  );
}
