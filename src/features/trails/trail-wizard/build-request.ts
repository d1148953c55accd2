import type { Trail } from "@/api/schemas/trail";
import type { CreateTrailParams, UpdateTrailParams } from "@/api/schemas/trail";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { roleArn, slsProjectArn } from "../trail-format";

/** The account ID the ARNs are built with: the known account, else what the user typed. */
export const effectiveAccountId = (
  draft: TrailDraft,
  known: string | undefined,
): string => known ?? draft.accountId.trim();

/** The delivery part of a trail's request, exactly as CreateTrail / UpdateTrail take it. */
export function toDeliveryParams(
  draft: TrailDraft,
  accountId: string,
): Omit<UpdateTrailParams, "Name"> {
  const params: Omit<UpdateTrailParams, "Name"> = {
    EventRW: draft.eventRW,
    TrailRegion: draft.trailRegion,
  };
  if (draft.ossEnabled) {
    params.OssBucketName = draft.ossBucketName;
    if (draft.ossKeyPrefix) params.OssKeyPrefix = draft.ossKeyPrefix;
    if (draft.ossWriteRole)
      params.OssWriteRoleArn = roleArn(draft.ossWriteRole, accountId);
  }
  if (draft.slsEnabled) {
    params.SlsProjectArn = slsProjectArn(
      draft.slsProjectRegion,
      accountId,
      draft.slsProjectName.trim(),
    );
    if (draft.slsWriteRole)
      params.SlsWriteRoleArn = roleArn(draft.slsWriteRole, accountId);
  }
  if (draft.maxComputeEnabled) {
    params.MaxComputeProjectArn = draft.maxComputeProjectArn.trim();
    if (draft.maxComputeWriteRoleArn)
      params.MaxComputeWriteRoleArn = roleArn(
        draft.maxComputeWriteRoleArn,
        accountId,
      );
  }
  return params;
}

export function toCreateTrailParams(
  draft: TrailDraft,
  accountId: string,
): CreateTrailParams {
  return {
    Name: draft.name,
    ...toDeliveryParams(draft, accountId),
    ...(draft.isOrganizationTrail ? { IsOrganizationTrail: true } : {}),
  };
}

/**
 * Whether an existing trail is the one a request would have created: used
 * when a CreateTrail answer was lost and the trails are read back.
 */
export function trailMatchesRequest(
  trail: Trail,
  params: CreateTrailParams,
): boolean {
  const same = (actual: string, wanted: string | undefined) =>
    (actual || "") === (wanted ?? "");
  const region = (trail.trailRegion || "All").toLowerCase();
  return (
    trail.name === params.Name &&
    trail.eventRW === (params.EventRW ?? "Write") &&
    region === (params.TrailRegion ?? "All").toLowerCase() &&
    trail.isOrganizationTrail === Boolean(params.IsOrganizationTrail) &&
    same(trail.ossBucketName, params.OssBucketName) &&
    same(trail.ossKeyPrefix, params.OssKeyPrefix) &&
    same(trail.slsProjectArn, params.SlsProjectArn) &&
    same(trail.maxComputeProjectArn, params.MaxComputeProjectArn)
  );
}

/** A draft filled from an existing trail, for the edit form. */
export function draftFromTrail(trail: Trail, base: TrailDraft): TrailDraft {
  const sls = /^acs:log:([^:]*):([^:]*):project\/(.+)$/.exec(
    trail.slsProjectArn,
  );
  const roleName = (arn: string) => /:role\/(.+)$/.exec(arn)?.[1] ?? arn;
  return {
    ...base,
    name: trail.name,
    trailRegion: trail.trailRegion || "All",
    eventRW: trail.eventRW,
    isOrganizationTrail: trail.isOrganizationTrail,
    ossEnabled: Boolean(trail.ossBucketName),
    ossBucketMode: "new",
    ossBucketName: trail.ossBucketName,
    ossKeyPrefix: trail.ossKeyPrefix,
    ossWriteRole: roleName(trail.ossWriteRoleArn),
    slsEnabled: Boolean(trail.slsProjectArn),
    slsProjectName: sls?.[3] ?? "",
    slsProjectRegion: sls?.[1] || base.slsProjectRegion,
    accountId: sls?.[2] ?? base.accountId,
    slsWriteRole: roleName(trail.slsWriteRoleArn),
    maxComputeEnabled: Boolean(trail.maxComputeProjectArn),
    maxComputeProjectArn: trail.maxComputeProjectArn,
    maxComputeWriteRoleArn: trail.maxComputeWriteRoleArn,
  };
}
