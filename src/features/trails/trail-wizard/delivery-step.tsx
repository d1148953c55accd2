import { useFormat } from "@/components/i18n/use-format";
import { useLingui } from "@lingui/react/macro";
import type { DemoAccountInfo } from "@/lib/demo-controls";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { destinationText, slsProjectArn } from "../trail-format";
import { FieldError, fieldId, fieldProps } from "./field";
import { OssFields } from "./oss-fields";
import { RoleField } from "./role-field";
import type { FieldErrors } from "./validation";

interface DeliveryStepProps {
  draft: TrailDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<TrailDraft>) => void;
  regions: { id: string; name: string }[];
  /** What the console knows of the account (mock mode); undefined in live mode. */
  account: DemoAccountInfo | undefined;
  /** Edit mode: the bucket is typed (the account's list may not include it). */
  editing?: boolean;
}

/** Step 2: where the trail delivers — OSS, Log Service, MaxCompute; at least one. */
export function DeliveryStep({
  draft,
  errors,
  onChange,
  regions,
  account,
  editing,
}: DeliveryStepProps) {
  const { t } = useLingui();
  const { gap } = useFormat();
  const accountId = account?.accountId ?? draft.accountId;
  const projects = account?.slsProjects.length
    ? account.slsProjects.map((p) => `${p.name} (${p.region})`).join(", ")
    : undefined;
  const logstore = `actiontrail_${draft.name || "<trail name>"}`;
  const odpsArnPattern = `acs:odps:<region>:${accountId || "<accountId>"}:project/actiontrail_<name>`;
  return (
    <div className="wizard-step-body">
      <fieldset className="field">
        <legend>{t`Destinations (at least one)`}</legend>
        <label>
          <input
            {...fieldProps("destinations", errors)}
            type="checkbox"
            checked={draft.ossEnabled}
            onChange={(event) => onChange({ ossEnabled: event.target.checked })}
          />{" "}
          {t`OSS bucket — long-term archive of gzip files`}
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.slsEnabled}
            onChange={(event) => onChange({ slsEnabled: event.target.checked })}
          />{" "}
          {t`Log Service — search and alert on events within minutes`}
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.maxComputeEnabled}
            onChange={(event) =>
              onChange({ maxComputeEnabled: event.target.checked })
            }
          />{" "}
          {t`MaxCompute (optional) — large-scale analysis`}
        </label>
        <FieldError field="destinations" errors={errors} />
      </fieldset>

      {!account && (draft.slsEnabled || draft.ossEnabled) && (
        <div className="field">
          <label htmlFor={fieldId("accountId")}>
            {t`Your account ID (to build the ARNs)`}
          </label>
          <input
            {...fieldProps("accountId", errors)}
            type="text"
            inputMode="numeric"
            value={draft.accountId}
            onChange={(event) =>
              onChange({ accountId: event.target.value.trim() })
            }
          />
          <FieldError field="accountId" errors={errors} />
        </div>
      )}

      {draft.ossEnabled && (
        <OssFields
          draft={draft}
          errors={errors}
          onChange={onChange}
          account={account}
          editing={editing}
        />
      )}

      {draft.slsEnabled && (
        <fieldset className="field destination-group">
          <legend>{t`Log Service`}</legend>
          <div className="field">
            <label htmlFor={fieldId("slsProjectName")}>{t`Project`}</label>
            <input
              {...fieldProps("slsProjectName", errors, "sls-project-hint")}
              type="text"
              list="trail-sls-projects"
              autoComplete="off"
              value={draft.slsProjectName}
              onChange={(event) => {
                const name = event.target.value;
                const known = account?.slsProjects.find((p) => p.name === name);
                onChange(
                  known
                    ? { slsProjectName: name, slsProjectRegion: known.region }
                    : { slsProjectName: name },
                );
              }}
            />
            <datalist id="trail-sls-projects">
              {account?.slsProjects.map((p) => (
                <option key={`${p.region}/${p.name}`} value={p.name}>
                  {`${p.name} (${p.region})`}
                </option>
              ))}
            </datalist>
            <p id="sls-project-hint" className="hint">
              {projects
                ? t`Projects in this account: ${projects}.`
                : t`An existing Log Service project.`}
              {gap}
              {t`ActionTrail creates the logstore ${logstore} in it.`}
            </p>
            <FieldError field="slsProjectName" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("slsProjectRegion")}>
              {t`Project region`}
            </label>
            <select
              {...fieldProps("slsProjectRegion", errors)}
              value={draft.slsProjectRegion}
              onChange={(event) =>
                onChange({ slsProjectRegion: event.target.value })
              }
            >
              {!regions.some((r) => r.id === draft.slsProjectRegion) && (
                <option value={draft.slsProjectRegion}>
                  {draft.slsProjectRegion || t`Choose`}
                </option>
              )}
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.name} · ${r.id}`}
                </option>
              ))}
            </select>
            <FieldError field="slsProjectRegion" errors={errors} />
          </div>
          <p className="arn-preview">
            {t`Project ARN:`}{" "}
            <output
              htmlFor={`${fieldId("slsProjectName")} ${fieldId("slsProjectRegion")}`}
            >
              <code>
                {slsProjectArn(
                  draft.slsProjectRegion || "<region>",
                  accountId || "<accountId>",
                  draft.slsProjectName || "<project>",
                )}
              </code>
            </output>
          </p>
          <RoleField
            field="slsWriteRole"
            label={t`Log Service write role`}
            value={draft.slsWriteRole}
            errors={errors}
            roles={account?.roles}
            onChange={(slsWriteRole) => onChange({ slsWriteRole })}
          />
        </fieldset>
      )}

      {draft.maxComputeEnabled && (
        <fieldset className="field destination-group">
          <legend>{destinationText("MaxCompute")}</legend>
          <div className="field">
            <label htmlFor={fieldId("maxComputeProjectArn")}>
              {t`Project ARN`}
            </label>
            <input
              {...fieldProps("maxComputeProjectArn", errors, "mc-hint")}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.maxComputeProjectArn}
              onChange={(event) =>
                onChange({ maxComputeProjectArn: event.target.value })
              }
            />
            <p id="mc-hint" className="hint">
              {odpsArnPattern}
            </p>
            <FieldError field="maxComputeProjectArn" errors={errors} />
          </div>
          <RoleField
            field="maxComputeWriteRoleArn"
            label={t`MaxCompute write role`}
            value={draft.maxComputeWriteRoleArn}
            errors={errors}
            roles={account?.roles}
            onChange={(maxComputeWriteRoleArn) =>
              onChange({ maxComputeWriteRoleArn })
            }
          />
        </fieldset>
      )}
    </div>
  );
}
