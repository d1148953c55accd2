import { useFormat } from "@/components/i18n/use-format";
import { Trans, useLingui } from "@lingui/react/macro";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { MAX_TRAILS_PER_REGION } from "../trail-format";
import { FieldError, fieldId, fieldProps } from "./field";
import type { FieldErrors } from "./validation";

export interface OrganizationOffer {
  /** Offer the organization option. */
  offered: boolean;
  /** Why it is (not) offered, in plain words. */
  note: string;
}

interface BasicsStepProps {
  draft: TrailDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<TrailDraft>) => void;
  homeRegion: string;
  regions: { id: string; name: string }[];
  organization: OrganizationOffer;
  /** Trails already in the home region (the quota is 5). */
  trailsInRegion: number | undefined;
  /** Edit mode: the name and the organization flag cannot change. */
  editing?: boolean;
}

/** Step 1: the trail's name, the regions and event types it records, and whether it spans the organization. */
export function BasicsStep({
  draft,
  errors,
  onChange,
  homeRegion,
  regions,
  organization,
  trailsInRegion,
  editing,
}: BasicsStepProps) {
  const { t } = useLingui();
  const { gap } = useFormat();
  const count = trailsInRegion ?? MAX_TRAILS_PER_REGION;
  const max = MAX_TRAILS_PER_REGION;
  const full =
    !editing &&
    trailsInRegion !== undefined &&
    trailsInRegion >= MAX_TRAILS_PER_REGION;
  return (
    <div className="wizard-step-body">
      {(full || errors.quota) && (
        <div
          id={fieldId("quota")}
          tabIndex={-1}
          className="quota-warning"
          role="note"
        >
          <p>
            <strong>
              {t`${homeRegion} already has ${count} of ${max} trails.`}
            </strong>
            {gap}
            {t`A region holds at most ${max} trails, so the service will refuse a new one (MaximumNumberOfTrailsExceededException) until you delete a trail here or create it in another region.`}
          </p>
          <FieldError field="quota" errors={errors} />
        </div>
      )}
      <div className="field">
        <label htmlFor={fieldId("name")}>{t`Trail name`}</label>
        {editing ? (
          <>
            <input
              {...fieldProps("name", errors, "trail-name-hint")}
              type="text"
              value={draft.name}
              readOnly
              aria-readonly="true"
            />
            <p id="trail-name-hint" className="hint">
              {t`The name of a trail cannot change.`}
            </p>
          </>
        ) : (
          <>
            <input
              {...fieldProps("name", errors, "trail-name-hint")}
              type="text"
              value={draft.name}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              onChange={(event) => onChange({ name: event.target.value })}
            />
            <p id="trail-name-hint" className="hint">
              {t`6–36 characters: lowercase letters, digits, “-” and “_”, starting with a lowercase letter. Unique in the account.`}
            </p>
          </>
        )}
        <FieldError field="name" errors={errors} />
      </div>

      <fieldset className="field radio-group">
        <legend>{t`Regions to record`}</legend>
        <label>
          <input
            type="radio"
            name="trail-region-scope"
            checked={draft.trailRegion === "All"}
            onChange={() => onChange({ trailRegion: "All" })}
          />{" "}
          {t`All regions (recommended: new regions are included automatically)`}
        </label>
        <label>
          <input
            type="radio"
            name="trail-region-scope"
            checked={draft.trailRegion !== "All"}
            onChange={() => onChange({ trailRegion: homeRegion })}
          />{" "}
          {t`One region`}
        </label>
        {draft.trailRegion !== "All" && (
          <div className="field nested">
            <label htmlFor={fieldId("trailRegion")}>{t`Region`}</label>
            <select
              {...fieldProps("trailRegion", errors)}
              value={draft.trailRegion}
              onChange={(event) =>
                onChange({ trailRegion: event.target.value })
              }
            >
              {!regions.some((r) => r.id === draft.trailRegion) && (
                <option value={draft.trailRegion}>{draft.trailRegion}</option>
              )}
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.name} · ${r.id}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <FieldError field="trailRegion" errors={errors} />
      </fieldset>

      <fieldset
        className="field radio-group"
        id={fieldId("eventRW")}
        tabIndex={-1}
      >
        <legend>{t`Event type`}</legend>
        {(
          [
            [
              "Write",
              t`Write events — calls that change resources (recommended)`,
            ],
            ["Read", t`Read events — calls that only read`],
            ["All", t`All events — read and write`],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="trail-event-rw"
              value={value}
              checked={draft.eventRW === value}
              onChange={() => onChange({ eventRW: value })}
            />{" "}
            {label}
          </label>
        ))}
        <FieldError field="eventRW" errors={errors} />
      </fieldset>

      <div className="field">
        {organization.offered && !editing ? (
          <label>
            <input
              {...fieldProps("isOrganizationTrail", errors, "trail-org-hint")}
              type="checkbox"
              checked={draft.isOrganizationTrail}
              onChange={(event) =>
                onChange({ isOrganizationTrail: event.target.checked })
              }
            />{" "}
            {t`Organization trail`}
          </label>
        ) : (
          <p
            className="field-label"
            id={fieldId("isOrganizationTrail")}
            tabIndex={-1}
          >
            {draft.isOrganizationTrail
              ? t`Organization trail: yes`
              : t`Organization trail: no`}
          </p>
        )}
        <p id="trail-org-hint" className="hint">
          <Trans>
            An organization trail records the events of every member account of
            your resource directory and delivers them to this account&apos;s
            destinations (files under{" "}
            <code>&lt;rd_id&gt;/&lt;accountId&gt;/</code>).
          </Trans>
          {gap}
          {organization.note}
          {editing &&
            `${gap}${t`It cannot change after the trail is created.`}`}
        </p>
        <FieldError field="isOrganizationTrail" errors={errors} />
      </div>
    </div>
  );
}
