import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import type { Locale } from "@/lib/locale";
import { zoneLabel } from "@/lib/time";
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
import { SimulateIncidents } from "./simulate-incidents";

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
  const ownFile = state.ownData?.fileName;
  const ownAccount = state.ownData?.accountId;
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">{t`Simulated account`}</h2>
      <p>
        {ownFile === undefined ? (
          <Trans>
            Every call is answered in this browser by a simulated ActionTrail
            account (<code>{demo.account.accountId}</code>). Nothing leaves the
            page.
          </Trans>
        ) : ownAccount ? (
          <Trans>
            Every call is answered in this browser by a simulated ActionTrail
            account holding your events from{" "}
            <strong>
              <SafeText value={ownFile} maxLength={120} />
            </strong>{" "}
            (account{" "}
            <code>
              <SafeText value={ownAccount} maxLength={40} />
            </code>
            ). Nothing leaves the page.
          </Trans>
        ) : (
          <Trans>
            Every call is answered in this browser by a simulated ActionTrail
            account holding your events from{" "}
            <strong>
              <SafeText value={ownFile} maxLength={120} />
            </strong>
            . Nothing leaves the page.
          </Trans>
        )}
      </p>
      <OwnDataSettings demo={demo} />
      <FaultControls value={state.faults} onChange={(f) => demo.setFaults(f)} />
      <SimulateIncidents demo={demo} />
      <h3>{t`Reset`}</h3>
      <p>
        {t`Start the simulated account afresh: a new history, the starting trails again, and no events file. The trails you created or changed and the actions recorded here are forgotten.`}
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
              onClick={() =>
                void Promise.resolve(demo.resetDemoData()).finally(() =>
                  window.location.reload(),
                )
              }
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
