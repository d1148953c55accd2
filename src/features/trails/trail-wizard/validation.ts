import { t } from "@lingui/core/macro";
import type { TrailDraft, WizardStep } from "@/stores/trail-draft-store";

/** The fields of the trail form that can carry an error. `form` is the step as a whole. */
export type TrailField =
  | "name"
  | "trailRegion"
  | "eventRW"
  | "isOrganizationTrail"
  | "quota"
  | "destinations"
  | "ossBucketName"
  | "ossKeyPrefix"
  | "ossWriteRole"
  | "slsProjectName"
  | "slsProjectRegion"
  | "slsWriteRole"
  | "accountId"
  | "maxComputeProjectArn"
  | "maxComputeWriteRoleArn"
  | "form";

export type FieldErrors = Partial<Record<TrailField, string>>;

/** Which step shows each field, in the order the fields appear. */
export const FIELD_STEP: Record<TrailField, WizardStep> = {
  quota: "basics",
  name: "basics",
  trailRegion: "basics",
  eventRW: "basics",
  isOrganizationTrail: "basics",
  destinations: "delivery",
  ossBucketName: "delivery",
  ossKeyPrefix: "delivery",
  ossWriteRole: "delivery",
  slsProjectName: "delivery",
  slsProjectRegion: "delivery",
  accountId: "delivery",
  slsWriteRole: "delivery",
  maxComputeProjectArn: "delivery",
  maxComputeWriteRoleArn: "delivery",
  form: "review",
};

export const FIELD_ORDER = Object.keys(FIELD_STEP) as TrailField[];

/** The rules of CreateTrail's `Name`: 6–36 characters of a-z 0-9 - _, starting with a lowercase letter. */
export function validateTrailName(
  name: string,
  existingNames: readonly string[],
): string | undefined {
  if (name === "") return t`Enter a name for the trail.`;
  if (name.length < 6 || name.length > 36)
    return t`Use 6 to 36 characters (now ${name.length}).`;
  if (!/^[a-z]/.test(name))
    return t`Start the name with a lowercase letter (a–z).`;
  const bad = [...new Set(name.replace(/[a-z0-9_-]/g, ""))];
  if (bad.length > 0) {
    const list = bad.map((c) => `"${c}"`).join(", ");
    return t`Use only lowercase letters, digits, "-" and "_" (not ${list}).`;
  }
  if (existingNames.includes(name))
    return t`A trail named ${name} already exists: trail names are unique in the account.`;
  return undefined;
}

/** OSS bucket names: 3–63 characters of a-z 0-9 -, starting with a letter or digit. */
export function validateBucketName(bucket: string): string | undefined {
  if (bucket === "") return t`Choose or enter an OSS bucket.`;
  if (bucket.length < 3 || bucket.length > 63)
    return t`A bucket name has 3 to 63 characters.`;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(bucket))
    return t`A bucket name uses lowercase letters, digits and "-", and starts with a letter or digit.`;
  if (bucket.endsWith("-")) return t`A bucket name does not end with "-".`;
  return undefined;
}

/** OssKeyPrefix (optional): 6–32 characters of letters, digits, - / _, starting with a letter. */
export function validateKeyPrefix(prefix: string): string | undefined {
  if (prefix === "") return undefined;
  if (prefix.length < 6 || prefix.length > 32)
    return t`A prefix has 6 to 32 characters (now ${prefix.length}), or leave it empty.`;
  if (!/^[A-Za-z]/.test(prefix)) return t`Start the prefix with a letter.`;
  if (!/^[A-Za-z0-9/_-]+$/.test(prefix))
    return t`A prefix uses letters, digits, "-", "/" and "_".`;
  return undefined;
}

const ODPS_ARN = /^acs:odps:[a-z0-9-]+:\d+:project\/[A-Za-z0-9_]+$/;
const ROLE = /^(acs:ram::\d+:role\/[A-Za-z0-9._-]+|[A-Za-z0-9._-]{1,64})$/;

export interface ValidationContext {
  /** Names of the trails already known (DescribeTrails). */
  existingNames: readonly string[];
  /** Known when the console knows the account (mock mode); otherwise typed in the draft. */
  accountId: string | undefined;
}

export function validateBasics(
  draft: TrailDraft,
  context: ValidationContext,
): FieldErrors {
  const errors: FieldErrors = {};
  const name = validateTrailName(draft.name, context.existingNames);
  if (name) errors.name = name;
  if (!draft.trailRegion) errors.trailRegion = t`Choose the regions to record.`;
  return errors;
}

export function validateDelivery(
  draft: TrailDraft,
  context: ValidationContext,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.ossEnabled && !draft.slsEnabled && !draft.maxComputeEnabled) {
    errors.destinations = t`Choose at least one destination: OSS, Log Service or MaxCompute.`;
    return errors;
  }
  if (draft.ossEnabled) {
    const bucket = validateBucketName(draft.ossBucketName);
    if (bucket) errors.ossBucketName = bucket;
    const prefix = validateKeyPrefix(draft.ossKeyPrefix);
    if (prefix) errors.ossKeyPrefix = prefix;
    if (draft.ossWriteRole && !ROLE.test(draft.ossWriteRole))
      errors.ossWriteRole = t`Enter a RAM role name or its ARN (acs:ram::<account>:role/<name>).`;
  }
  if (draft.slsEnabled) {
    if (!draft.slsProjectName.trim())
      errors.slsProjectName = t`Choose or enter a Log Service project.`;
    else if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(draft.slsProjectName))
      errors.slsProjectName = t`A project name has 3 to 63 lowercase letters, digits and "-".`;
    if (!draft.slsProjectRegion)
      errors.slsProjectRegion = t`Choose the project's region.`;
    if (draft.slsWriteRole && !ROLE.test(draft.slsWriteRole))
      errors.slsWriteRole = t`Enter a RAM role name or its ARN (acs:ram::<account>:role/<name>).`;
  }
  if (draft.maxComputeEnabled) {
    if (!ODPS_ARN.test(draft.maxComputeProjectArn))
      errors.maxComputeProjectArn = t`Enter the project ARN: acs:odps:<region>:<accountId>:project/<name>.`;
    if (
      draft.maxComputeWriteRoleArn &&
      !ROLE.test(draft.maxComputeWriteRoleArn)
    )
      errors.maxComputeWriteRoleArn = t`Enter a RAM role name or its ARN.`;
  }
  if (
    (draft.slsEnabled || draft.ossWriteRole || draft.slsWriteRole) &&
    !context.accountId
  ) {
    if (!/^\d{6,20}$/.test(draft.accountId))
      errors.accountId = t`Enter your Alibaba Cloud account ID (digits) to build the ARNs.`;
  }
  return errors;
}

export function validateStep(
  step: WizardStep,
  draft: TrailDraft,
  context: ValidationContext,
): FieldErrors {
  if (step === "basics") return validateBasics(draft, context);
  if (step === "delivery") return validateDelivery(draft, context);
  return {
    ...validateBasics(draft, context),
    ...validateDelivery(draft, context),
  };
}

/** The first field with an error, in the order the form shows them. */
export function firstErrorField(errors: FieldErrors): TrailField | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}
