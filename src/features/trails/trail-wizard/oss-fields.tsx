import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { isPublicAcl, type OssBucket } from "@/api/oss-buckets";
import type { DemoAccountInfo } from "@/lib/demo-controls";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { bucketsQueryOptions } from "../queries";
import { destinationText } from "../trail-format";
import { FieldError, fieldId, fieldProps } from "./field";
import { RoleField } from "./role-field";
import type { FieldErrors } from "./validation";

interface OssFieldsProps {
  draft: TrailDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<TrailDraft>) => void;
  /** The account's roles (mock mode); buckets come from the API layer. */
  account: DemoAccountInfo | undefined;
  editing?: boolean | undefined;
}

const BUCKET_FIELD = fieldId("ossBucketName");

/**
 * The OSS destination: the bucket (chosen from the account's buckets, read
 * through the API layer, or typed) and the key prefix. A name typed before
 * the list arrives is never lost: it is selected when the list has it (and
 * no other trail delivers there), otherwise it stays typed with a note.
 */
export function OssFields({
  draft,
  errors,
  onChange,
  account,
  editing,
}: OssFieldsProps) {
  const { t } = useLingui();
  const bucketList = useQuery(bucketsQueryOptions());
  const buckets = bucketList.data ?? [];
  const name = draft.ossBucketName;
  const chosen = buckets.find((b) => b.name === name);
  const usedBy = chosen ? otherTrails(chosen, draft.name) : [];
  const ossPath = `${name || "<bucket>"}/${draft.ossKeyPrefix ? `${draft.ossKeyPrefix}/` : ""}AliyunLogs/Actiontrail/<RegionId>/<YYYY>/<MM>/<DD>/…`;
  const pick =
    buckets.length > 0 && !editing && draft.ossBucketMode === "existing";
  const unlisted = bucketList.isSuccess && name !== "" && !chosen && !pick;
  useAdoptTypedBucket(bucketList.isSuccess, buckets, draft, onChange, editing);
  const describedBy = [
    "oss-bucket-hint",
    unlisted && "oss-bucket-unlisted",
    usedBy.length > 0 && "oss-bucket-used",
  ]
    .filter(Boolean)
    .join(" ");
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
        <label htmlFor={BUCKET_FIELD}>{t`Bucket`}</label>
        {pick ? (
          <select
            {...fieldProps("ossBucketName", errors)}
            value={name}
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
            {...fieldProps("ossBucketName", errors, describedBy)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(event) =>
              // Typing is choosing "type a bucket name", also before the list is there.
              onChange(
                editing
                  ? { ossBucketName: event.target.value }
                  : { ossBucketName: event.target.value, ossBucketMode: "new" },
              )
            }
          />
        )}
        {bucketList.isPending && !editing && (
          <p className="hint">
            {t`Reading this account's buckets; you can type a name meanwhile.`}
          </p>
        )}
        {bucketList.isError && !editing && (
          <p className="hint" role="note">
            {t`The bucket list could not be read; type the bucket's name.`}
          </p>
        )}
        {unlisted && (
          <p id="oss-bucket-unlisted" className="hint" role="note">
            {t`“${name}” is not among the buckets listed for this account. Check that it exists and that ActionTrail may write to it.`}
          </p>
        )}
        {usedBy.length > 0 && <UsedBucketWarning trails={usedBy} />}
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

/** Trails other than this one that deliver to the bucket. */
const otherTrails = (bucket: OssBucket, self: string): string[] =>
  bucket.trails.filter((trail) => trail !== self);

/**
 * When the bucket list arrives after the user typed a name: a name the list
 * has, that no other trail uses, becomes the chosen bucket of the list (and
 * keeps the focus if the field had it); any other name stays typed.
 */
function useAdoptTypedBucket(
  listed: boolean,
  buckets: readonly OssBucket[],
  draft: TrailDraft,
  onChange: (patch: Partial<TrailDraft>) => void,
  editing: boolean | undefined,
) {
  const wasListed = useRef(listed);
  const refocus = useRef(false);
  useEffect(() => {
    if (wasListed.current || !listed) return;
    wasListed.current = true;
    if (editing || draft.ossBucketMode !== "new" || buckets.length === 0)
      return;
    const name = draft.ossBucketName;
    const bucket = buckets.find((b) => b.name === name);
    if (
      name !== "" &&
      !(bucket && otherTrails(bucket, draft.name).length === 0)
    )
      return;
    refocus.current = document.activeElement?.id === BUCKET_FIELD;
    onChange({ ossBucketMode: "existing" });
  }, [listed, buckets, draft, onChange, editing]);
  useEffect(() => {
    if (!refocus.current || draft.ossBucketMode !== "existing") return;
    refocus.current = false;
    document.getElementById(BUCKET_FIELD)?.focus();
  }, [draft.ossBucketMode]);
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

function UsedBucketWarning({ trails }: { trails: string[] }) {
  const { t } = useLingui();
  const names = trails.join(", ");
  return (
    <p id="oss-bucket-used" className="field-warning">
      {t`Trail ${names} already delivers to this bucket, and ActionTrail allows one trail per bucket: choose another bucket.`}
    </p>
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
