import type { DemoAccountInfo } from "@/lib/demo-controls";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { slsProjectArn } from "../trail-format";
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
  const accountId = account?.accountId ?? draft.accountId;
  return (
    <div className="wizard-step-body">
      <fieldset className="field">
        <legend>Destinations (at least one)</legend>
        <label>
          <input
            {...fieldProps("destinations", errors)}
            type="checkbox"
            checked={draft.ossEnabled}
            onChange={(event) => onChange({ ossEnabled: event.target.checked })}
          />{" "}
          OSS bucket — long-term archive of gzip files
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.slsEnabled}
            onChange={(event) => onChange({ slsEnabled: event.target.checked })}
          />{" "}
          Log Service — search and alert on events within minutes
        </label>
        <label>
          <input
            type="checkbox"
            checked={draft.maxComputeEnabled}
            onChange={(event) =>
              onChange({ maxComputeEnabled: event.target.checked })
            }
          />{" "}
          MaxCompute (optional) — large-scale analysis
        </label>
        <FieldError field="destinations" errors={errors} />
      </fieldset>

      {!account && (draft.slsEnabled || draft.ossEnabled) && (
        <div className="field">
          <label htmlFor={fieldId("accountId")}>
            Your account ID (to build the ARNs)
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
          <legend>Log Service</legend>
          <div className="field">
            <label htmlFor={fieldId("slsProjectName")}>Project</label>
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
                  {p.name} ({p.region})
                </option>
              ))}
            </datalist>
            <p id="sls-project-hint" className="hint">
              {account?.slsProjects.length
                ? `Projects in this account: ${account.slsProjects.map((p) => `${p.name} (${p.region})`).join(", ")}.`
                : "An existing Log Service project."}{" "}
              ActionTrail creates the logstore actiontrail_
              {draft.name || "<trail name>"} in it.
            </p>
            <FieldError field="slsProjectName" errors={errors} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("slsProjectRegion")}>Project region</label>
            <select
              {...fieldProps("slsProjectRegion", errors)}
              value={draft.slsProjectRegion}
              onChange={(event) =>
                onChange({ slsProjectRegion: event.target.value })
              }
            >
              {!regions.some((r) => r.id === draft.slsProjectRegion) && (
                <option value={draft.slsProjectRegion}>
                  {draft.slsProjectRegion || "Choose"}
                </option>
              )}
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} · {r.id}
                </option>
              ))}
            </select>
            <FieldError field="slsProjectRegion" errors={errors} />
          </div>
          <p className="arn-preview">
            Project ARN:{" "}
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
            label="Log Service write role"
            value={draft.slsWriteRole}
            errors={errors}
            roles={account?.roles}
            onChange={(slsWriteRole) => onChange({ slsWriteRole })}
          />
        </fieldset>
      )}

      {draft.maxComputeEnabled && (
        <fieldset className="field destination-group">
          <legend>MaxCompute</legend>
          <div className="field">
            <label htmlFor={fieldId("maxComputeProjectArn")}>Project ARN</label>
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
              acs:odps:&lt;region&gt;:{accountId || "<accountId>"}
              :project/actiontrail_&lt;name&gt;
            </p>
            <FieldError field="maxComputeProjectArn" errors={errors} />
          </div>
          <RoleField
            field="maxComputeWriteRoleArn"
            label="MaxCompute write role"
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
  const buckets = account?.ossBuckets ?? [];
  const pick =
    buckets.length > 0 && !editing && draft.ossBucketMode === "existing";
  return (
    <fieldset className="field destination-group">
      <legend>OSS</legend>
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
            An existing bucket
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
            Type a bucket name
          </label>
        </div>
      )}
      <div className="field">
        <label htmlFor={fieldId("ossBucketName")}>Bucket</label>
        {pick ? (
          <select
            {...fieldProps("ossBucketName", errors)}
            value={draft.ossBucketName}
            onChange={(event) =>
              onChange({ ossBucketName: event.target.value })
            }
          >
            <option value="">Choose a bucket</option>
            {buckets.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name} ({b.region})
              </option>
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
        {!pick && (
          <p id="oss-bucket-hint" className="hint">
            The bucket must exist: 3–63 lowercase letters, digits and “-”. One
            trail per bucket.
          </p>
        )}
        <FieldError field="ossBucketName" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={fieldId("ossKeyPrefix")}>Key prefix (optional)</label>
        <input
          {...fieldProps("ossKeyPrefix", errors, "oss-prefix-hint")}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft.ossKeyPrefix}
          onChange={(event) => onChange({ ossKeyPrefix: event.target.value })}
        />
        <p id="oss-prefix-hint" className="hint">
          6–32 letters, digits, “-”, “/” and “_”, starting with a letter. Files
          land in{" "}
          <code>
            {draft.ossBucketName || "<bucket>"}/
            {draft.ossKeyPrefix ? `${draft.ossKeyPrefix}/` : ""}
            AliyunLogs/Actiontrail/&lt;RegionId&gt;/&lt;YYYY&gt;/&lt;MM&gt;/&lt;DD&gt;/…
          </code>
        </p>
        <FieldError field="ossKeyPrefix" errors={errors} />
      </div>
      <RoleField
        field="ossWriteRole"
        label="OSS write role"
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
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label} (optional)</label>
      {roles && roles.length > 0 ? (
        <select
          {...fieldProps(field, errors)}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">Service-linked default role</option>
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
          placeholder="Role name or acs:ram::<account>:role/<name>"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldError field={field} errors={errors} />
    </div>
  );
}
