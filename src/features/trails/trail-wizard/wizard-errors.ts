import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { isApiError, type ApiError } from "@/api/errors";
import type { WizardStep } from "@/stores/trail-draft-store";
import type { TrailField } from "./validation";

export interface ServerErrorPlacement {
  step: WizardStep;
  field: TrailField;
  /** What the refusal means for this form, in plain words (the service's own message is shown beside it). */
  explanation: string;
}

const PLACEMENTS: Record<
  string,
  Omit<ServerErrorPlacement, "explanation"> & { explanation: MessageDescriptor }
> = {
  MaximumNumberOfTrailsExceededException: {
    step: "basics",
    field: "quota",
    explanation: msg`This region already has the maximum of 5 trails. Delete or reuse a trail in this region, or create the trail in another region.`,
  },
  TrailAlreadyExistsException: {
    step: "basics",
    field: "name",
    explanation: msg`A trail with this name already exists in the account (perhaps in another region). Choose another name.`,
  },
  InvalidTrailNameException: {
    step: "basics",
    field: "name",
    explanation: msg`The service refused the name: use 6 to 36 characters of a-z, 0-9, "-" and "_", starting with a lowercase letter.`,
  },
  MaximumNumberOfOrganizationTrailExceeded: {
    step: "basics",
    field: "isOrganizationTrail",
    explanation: msg`The resource directory already has an organization trail: create this one as an ordinary trail.`,
  },
  BucketDoesNotExistException: {
    step: "delivery",
    field: "ossBucketName",
    explanation: msg`No OSS bucket with this name exists in the account. Create the bucket in OSS first, or choose an existing one.`,
  },
  RepeatOssBucket: {
    step: "delivery",
    field: "ossBucketName",
    explanation: msg`Another trail already delivers to this bucket, and a bucket takes one trail. Choose another bucket.`,
  },
  InsufficientBucketPolicyException: {
    step: "delivery",
    field: "ossWriteRole",
    explanation: msg`The bucket's policy does not let ActionTrail write to it. Choose a role that may write, or fix the bucket policy.`,
  },
  InvalidPrefixException: {
    step: "delivery",
    field: "ossKeyPrefix",
    explanation: msg`The service refused the prefix: 6 to 32 letters, digits, "-", "/" or "_", starting with a letter.`,
  },
  SlsProjectDoesNotExistException: {
    step: "delivery",
    field: "slsProjectName",
    explanation: msg`No Log Service project with this name exists in that region. Create it in Log Service first, or check the project's region.`,
  },
  InvalidDeliveryConfigurationException: {
    step: "delivery",
    field: "destinations",
    explanation: msg`The delivery settings are incomplete: choose at least one destination (OSS, Log Service or MaxCompute) and fill it in.`,
  },
  NoPermission: {
    step: "review",
    field: "form",
    explanation: msg`Your identity may not change trails: RAM denied the action. Ask an administrator, or sign in with an identity allowed to manage ActionTrail.`,
  },
  "Forbidden.RAM": {
    step: "review",
    field: "form",
    explanation: msg`Your identity may not change trails: RAM denied the action. Ask an administrator.`,
  },
};

/**
 * Where a server refusal of CreateTrail / UpdateTrail belongs in the form:
 * the step and the field it concerns, so the user lands on what to change.
 * Codes the form cannot act on (throttling, server errors) stay on the review step.
 */
export function placeServerError(code: string): ServerErrorPlacement {
  const known = PLACEMENTS[code];
  if (known) return { ...known, explanation: i18n._(known.explanation) };
  return {
    step: "review",
    field: "form",
    explanation: t`The service did not create the trail. Nothing you typed is lost: check the message below and try again.`,
  };
}

/** What reading the trails back found after a create whose outcome was unknown. */
export type ReadBack = "absent" | "different" | "unreadable";

/**
 * A CreateTrail that failed with a server error or on the network: the
 * service may or may not have created the trail. The trails were read back
 * (an identical trail counts as created and never reaches here); this says
 * what that found.
 */
export class CreateOutcomeUnknown extends Error {
  override readonly name = "CreateOutcomeUnknown";
  constructor(
    readonly error: ApiError,
    readonly trailName: string,
    readonly readBack: ReadBack,
  ) {
    super(error.message, { cause: error });
  }
}

/** How the wizard shows a failed create or update. */
export interface WizardFailure {
  placement: ServerErrorPlacement;
  /** The error to show in the panel (with its code and RequestId). */
  error: unknown;
  title: string;
  announcement: string;
}

/** What went wrong, in Trailscope's words around the service's status and Code (kept as sent). */
function whatHappened(error: ApiError): string {
  const { status, code } = error;
  return code === "NetworkError"
    ? t`the answer was lost on the network`
    : t`the service answered ${status} ${code}`;
}

function unknownOutcome(failure: CreateOutcomeUnknown): string {
  const name = failure.trailName;
  const what = whatHappened(failure.error);
  switch (failure.readBack) {
    case "absent":
      return t`The outcome is unknown: ${what}, so Trailscope read the trails back. No trail named ${name} exists: it was not created. Nothing you typed is lost; you can create it again.`;
    case "different":
      return t`The outcome is unknown: ${what}, so Trailscope read the trails back. A trail named ${name} exists now, but with other settings than these. Look at it in the trails list before you try again.`;
    case "unreadable":
      return t`The outcome is unknown: ${what}, and the trails could not be read back either, so a trail named ${name} may or may not exist. Check the trails list before you try again.`;
  }
}

/**
 * Where a failed CreateTrail / UpdateTrail belongs and what to say. A
 * refusal is placed on its field; a server or network error says that the
 * outcome is unknown and, for a create, whether the trail exists.
 */
export function describeWizardFailure(
  error: unknown,
  verb: "create" | "update" = "create",
): WizardFailure {
  if (error instanceof CreateOutcomeUnknown)
    return {
      placement: {
        step: "review",
        field: "form",
        explanation: unknownOutcome(error),
      },
      error: error.error,
      title: t`The outcome of creating the trail is unknown`,
      announcement: unknownOutcome(error),
    };
  if (isApiError(error) && error.isServerError) {
    const what = whatHappened(error);
    const create = verb === "create";
    return {
      placement: {
        step: "review",
        field: "form",
        explanation: create
          ? t`The outcome is unknown: ${what}, so the change may or may not have been made. The trail has been read again: check it before you repeat the create.`
          : t`The outcome is unknown: ${what}, so the change may or may not have been made. The trail has been read again: check it before you repeat the update.`,
      },
      error,
      title: create
        ? t`The outcome of the create is unknown`
        : t`The outcome of the update is unknown`,
      announcement: create
        ? t`The outcome of the create is unknown: check the trail before you repeat it.`
        : t`The outcome of the update is unknown: check the trail before you repeat it.`,
    };
  }
  const placement = placeServerError(isApiError(error) ? error.code : "");
  return {
    placement,
    error,
    title: t`The service refused the trail`,
    announcement: t`The service refused the trail.`,
  };
}
