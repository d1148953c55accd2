import { z } from "zod";
import { optionalString } from "./common";

export type TrailStatus = "Fresh" | "Enable" | "Disable";
export type TrailEventRW = "Write" | "Read" | "All";

export const trailWireSchema = z.looseObject({
  Name: z.string(),
  HomeRegion: optionalString,
  Region: optionalString,
  TrailRegion: optionalString,
  TrailArn: optionalString,
  Status: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ?? "Fresh") as TrailStatus),
  EventRW: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ?? "Write") as TrailEventRW),
  IsOrganizationTrail: z.union([z.boolean(), z.string()]).optional().nullable(),
  OrganizationId: optionalString,
  OssBucketName: optionalString,
  OssBucketLocation: optionalString,
  OssKeyPrefix: optionalString,
  OssWriteRoleArn: optionalString,
  SlsProjectArn: optionalString,
  SlsWriteRoleArn: optionalString,
  MaxComputeProjectArn: optionalString,
  MaxComputeWriteRoleArn: optionalString,
  CreateTime: optionalString,
  UpdateTime: optionalString,
  StartLoggingTime: optionalString,
  StopLoggingTime: optionalString,
});

function toTrail(t: z.output<typeof trailWireSchema>) {
  return {
    name: t.Name,
    homeRegion: t.HomeRegion,
    /** The region this copy was read from (differs from homeRegion for shadow trails). */
    region: t.Region,
    trailRegion: t.TrailRegion,
    arn: t.TrailArn,
    status: t.Status,
    eventRW: t.EventRW,
    isOrganizationTrail:
      t.IsOrganizationTrail === true || t.IsOrganizationTrail === "true",
    organizationId: t.OrganizationId,
    ossBucketName: t.OssBucketName,
    ossBucketLocation: t.OssBucketLocation,
    ossKeyPrefix: t.OssKeyPrefix,
    ossWriteRoleArn: t.OssWriteRoleArn,
    slsProjectArn: t.SlsProjectArn,
    slsWriteRoleArn: t.SlsWriteRoleArn,
    maxComputeProjectArn: t.MaxComputeProjectArn,
    maxComputeWriteRoleArn: t.MaxComputeWriteRoleArn,
    createTime: t.CreateTime,
    updateTime: t.UpdateTime,
    startLoggingTime: t.StartLoggingTime,
    stopLoggingTime: t.StopLoggingTime,
  };
}

export const trailSchema = trailWireSchema.transform(toTrail);
export type Trail = z.output<typeof trailSchema>;

export const describeTrailsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    TrailList: z.array(trailSchema).optional().default([]),
  })
  .transform((r) => ({ requestId: r.RequestId, trails: r.TrailList }));

/** CreateTrail / UpdateTrail answer with the trail's attributes beside the RequestId. */
export const trailMutationResponseSchema = z
  .looseObject({ RequestId: z.string(), Name: z.string() })
  .transform((r) => ({ requestId: r.RequestId, trail: trailSchema.parse(r) }));

export const trailStatusResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    IsLogging: z
      .union([z.boolean(), z.string()])
      .transform((v) => v === true || v === "true"),
    LatestDeliveryTime: optionalString,
    LatestDeliveryError: optionalString,
    LatestDeliveryLogServiceTime: optionalString,
    LatestDeliveryLogServiceError: optionalString,
    OssBucketStatus: z.union([z.boolean(), z.string()]).optional().nullable(),
    SlsLogStoreStatus: z.union([z.boolean(), z.string()]).optional().nullable(),
    StartLoggingTime: optionalString,
    StopLoggingTime: optionalString,
  })
  .transform((r) => ({
    requestId: r.RequestId,
    isLogging: r.IsLogging,
    latestDeliveryTime: r.LatestDeliveryTime,
    latestDeliveryError: r.LatestDeliveryError,
    latestDeliveryLogServiceTime: r.LatestDeliveryLogServiceTime,
    latestDeliveryLogServiceError: r.LatestDeliveryLogServiceError,
    /** `undefined` when the trail has no such destination. */
    ossBucketAvailable:
      r.OssBucketStatus == null
        ? undefined
        : r.OssBucketStatus === true || r.OssBucketStatus === "true",
    slsLogStoreAvailable:
      r.SlsLogStoreStatus == null
        ? undefined
        : r.SlsLogStoreStatus === true || r.SlsLogStoreStatus === "true",
    startLoggingTime: r.StartLoggingTime,
    stopLoggingTime: r.StopLoggingTime,
  }));
export type TrailDeliveryStatus = z.output<typeof trailStatusResponseSchema>;

export interface TrailDeliveryParams {
  EventRW?: TrailEventRW;
  TrailRegion?: string;
  OssBucketName?: string;
  OssKeyPrefix?: string;
  OssWriteRoleArn?: string;
  SlsProjectArn?: string;
  SlsWriteRoleArn?: string;
  MaxComputeProjectArn?: string;
  MaxComputeWriteRoleArn?: string;
}
export interface CreateTrailParams extends TrailDeliveryParams {
  Name: string;
  IsOrganizationTrail?: boolean;
}
export interface UpdateTrailParams extends TrailDeliveryParams {
  Name: string;
}
export interface DescribeTrailsParams {
  NameList?: string;
  IncludeOrganizationTrail?: boolean;
  IncludeShadowTrails?: boolean;
}
export interface TrailNameParams {
  Name: string;
}
export interface GetTrailStatusParams {
  Name: string;
  IsOrganizationTrail?: boolean;
}
