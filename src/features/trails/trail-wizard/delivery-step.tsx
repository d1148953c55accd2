import { useFormat } from "@/components/i18n/use-format";
import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { isPublicAcl, type OssBucket } from "@/api/oss-buckets";
import type { DemoAccountInfo } from "@/lib/demo-controls";
import { bucketsQueryOptions } from "../queries";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { destinationText, slsProjectArn } from "../trail-format";
import { FieldError, fieldId, fieldProps } from "./field";
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

interface OssFieldsProps {
  draft: TrailDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<TrailDraft>) => void;
  /** The account's roles (mock mode); buckets come from the API layer. */
  account: DemoAccountInfo | undefined;
  editing?: boolean | undefined;
}

function OssFields({
  draft,
  errors,
  onChange,
  account,
  editing,
}: OssFieldsProps) {
  const { t } = useLingui();
  const bucketList = useQuery(bucketsQueryOptions());
  const buckets = bucketList.data ?? [];
  const chosen = buckets.find((b) => b.name === draft.ossBucketName);
  const ossPath = `${draft.ossBucketName || "<bucket>"}/${draft.ossKeyPrefix ? `${draft.ossKeyPrefix}/` : ""}AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/…`;
  const pick =
    buckets.length > 0 && !editing && draft.ossBucketMode === "existing";
  return (
    <fieldset className="field destination-group">
      <legend>{destinationText("OSS")}</legend>
      {buckets.length > 0 && !editing && (
        <div className="radio-group inline">
          <label>
            <input
              type="radio"
              name="oss-bucket-mode"
              checked={draft.ossBucketMode === "existing"}
              onChange={() =>
                onChange({ ossBucketMode: "existing", ossBucketName: "" })
              }
            />{" "}
            {t`An existing bucket`}
          </label>
          <label>
            <input
              type="radio"
              name="oss-bucket-mode"
              checked={draft.ossBucketMode === "new"}
              onChange={() =>
                onChange({ ossBucketMode: "new", ossBucketName: "" })
              }
            />{" "}
            {t`Type a bucket name`}
          </label>
        </div>
      )}
      <div className="field">
        <label htmlFor={fieldId("ossBucketName")}>{t`Bucket`}</label>
        {pick ? (
          <select
            {...fieldProps("ossBucketName", errors)}
            value={draft.ossBucketName}
            onChange={(event) =>
              onChange({ ossBucketName: event.target.value })
            }
          >
            <option value="">{t`Choose a bucket`}</option>
            {buckets.map((b) => (
              <BucketOption key={b.name} bucket={b} />
            ))}
          </select>
        ) : (
          <input
            {...fieldProps("ossBucketName", errors, "oss-bucket-hint")}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.ossBucketName}
            onChange={(event) =>
              onChange({ ossBucketName: event.target.value })
            }
          />
        )}
        {bucketList.isError && !editing && (
          <p className="hint" role="note">
            {t`The bucket list could not be read; type the bucket's name.`}
          </p>
        )}
        {chosen && isPublicAcl(chosen.acl) && (
          <PublicBucketWarning acl={chosen.acl} />
        )}
        {!pick && (
          <p id="oss-bucket-hint" className="hint">
            {t`The bucket must exist: 3–63 lowercase letters, digits and “-”. One trail per bucket.`}
          </p>
        )}
        <FieldError field="ossBucketName" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={fieldId("ossKeyPrefix")}>
          {t`Key prefix (optional)`}
        </label>
        <input
          {...fieldProps("ossKeyPrefix", errors, "oss-prefix-hint")}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft.ossKeyPrefix}
          onChange={(event) => onChange({ ossKeyPrefix: event.target.value })}
        />
        <p id="oss-prefix-hint" className="hint">
          {t`6–32 letters, digits, “-”, “/” and “_”, starting with a letter. Files land in`}{" "}
          <code>{ossPath}</code>
        </p>
        <FieldError field="ossKeyPrefix" errors={errors} />
      </div>
      <RoleField
        field="ossWriteRole"
        label={t`OSS write role`}
        value={draft.ossWriteRole}
        errors={errors}
        roles={account?.roles}
        onChange={(ossWriteRole) => onChange({ ossWriteRole })}
      />
    </fieldset>
  );
}

interface RoleFieldProps {
  field: "ossWriteRole" | "slsWriteRole" | "maxComputeWriteRoleArn";
  label: string;
  value: string;
  errors: FieldErrors;
  roles: string[] | undefined;
  onChange: (value: string) => void;
}

/** A RAM role the service delivers with: one of the account's roles, or typed when the console does not know them. */
function RoleField({
  field,
  label,
  value,
  errors,
  roles,
  onChange,
}: RoleFieldProps) {
  const { t } = useLingui();
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{t`${label} (optional)`}</label>
      {roles && roles.length > 0 ? (
        <select
          {...fieldProps(field, errors)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t`Service-linked default role`}</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
          {value && !roles.includes(value) && (
            <option value={value}>{value}</option>
          )}
        </select>
      ) : (
        <input
          {...fieldProps(field, errors)}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={t`Role name or acs:ram::<account>:role/<name>`}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError field={field} errors={errors} />
    </div>
  );
}

/** A bucket in the list: those another trail delivers to are marked and cannot be chosen; public ones are marked. */
function BucketOption({ bucket }: { bucket: OssBucket }) {
  const { t } = useLingui();
  const where = `${bucket.name} (${bucket.region})`;
  const trails = bucket.trails.join(", ");
  const acl = bucket.acl;
  const label =
    bucket.trails.length > 0
      ? t`${where} — used by trail ${trails}`
      : isPublicAcl(acl)
        ? t`${where} — public (${acl})`
        : where;
  return (
    <option value={bucket.name} disabled={bucket.trails.length > 0}>
      {label}
    </option>
  );
}

function PublicBucketWarning({ acl }: { acl: string }) {
  const { t } = useLingui();
  return (
    <p className="field-warning" role="alert">
      {t`This bucket is public (${acl}): anyone could read the audit trail delivered to it. Choose a private bucket, or make this one private first.`}
    </p>
  );
}
