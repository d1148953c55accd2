import type { z } from "zod";
import {
  accessKeyLastUsedEventsResponseSchema,
  accessKeyLastUsedInfoResponseSchema,
  accessKeyLastUsedIpsResponseSchema,
  accessKeyLastUsedProductsResponseSchema,
  accessKeyLastUsedResourcesResponseSchema,
  type AccessKeyPagedParams,
  type AccessKeyParams,
} from "./schemas/access-key";
import { requestIdOnlySchema } from "./schemas/common";
import {
  lookupEventsResponseSchema,
  type LookupEventsParams,
} from "./schemas/event";
import {
  describeUserLogCountResponseSchema,
  lookupInsightEventsResponseSchema,
  type DescribeUserLogCountParams,
  type LookupInsightEventsParams,
} from "./schemas/insight";
import {
  describeRegionsResponseSchema,
  type DescribeRegionsParams,
} from "./schemas/region";
import {
  describeTrailsResponseSchema,
  trailMutationResponseSchema,
  trailStatusResponseSchema,
  type CreateTrailParams,
  type DescribeTrailsParams,
  type GetTrailStatusParams,
  type TrailNameParams,
  type UpdateTrailParams,
} from "./schemas/trail";

/** The ActionTrail API version Trailscope speaks. */
export const API_VERSION = "2020-07-06";

interface Operation<P, S extends z.ZodType> {
  /** Writes change the account: never retried after a server error, refused to read-only identities. */
  write: boolean;
  response: S;
  /** Phantom: the request parameters' type. */
  params?: P;
}

const op = <P, S extends z.ZodType>(
  write: boolean,
  response: S,
): Operation<P, S> => ({ write, response });

/** Every ActionTrail action Trailscope calls: its parameters and its response schema. */
export const operations = {
  LookupEvents: op<LookupEventsParams, typeof lookupEventsResponseSchema>(
    false,
    lookupEventsResponseSchema,
  ),
  DescribeRegions: op<
    DescribeRegionsParams,
    typeof describeRegionsResponseSchema
  >(false, describeRegionsResponseSchema),
  DescribeTrails: op<DescribeTrailsParams, typeof describeTrailsResponseSchema>(
    false,
    describeTrailsResponseSchema,
  ),
  GetTrailStatus: op<GetTrailStatusParams, typeof trailStatusResponseSchema>(
    false,
    trailStatusResponseSchema,
  ),
  CreateTrail: op<CreateTrailParams, typeof trailMutationResponseSchema>(
    true,
    trailMutationResponseSchema,
  ),
  UpdateTrail: op<UpdateTrailParams, typeof trailMutationResponseSchema>(
    true,
    trailMutationResponseSchema,
  ),
  DeleteTrail: op<TrailNameParams, typeof requestIdOnlySchema>(
    true,
    requestIdOnlySchema,
  ),
  StartLogging: op<TrailNameParams, typeof requestIdOnlySchema>(
    true,
    requestIdOnlySchema,
  ),
  StopLogging: op<TrailNameParams, typeof requestIdOnlySchema>(
    true,
    requestIdOnlySchema,
  ),
  DescribeUserLogCount: op<
    DescribeUserLogCountParams,
    typeof describeUserLogCountResponseSchema
  >(false, describeUserLogCountResponseSchema),
  LookupInsightEvents: op<
    LookupInsightEventsParams,
    typeof lookupInsightEventsResponseSchema
  >(false, lookupInsightEventsResponseSchema),
  GetAccessKeyLastUsedInfo: op<
    AccessKeyParams,
    typeof accessKeyLastUsedInfoResponseSchema
  >(false, accessKeyLastUsedInfoResponseSchema),
  GetAccessKeyLastUsedProducts: op<
    AccessKeyParams,
    typeof accessKeyLastUsedProductsResponseSchema
  >(false, accessKeyLastUsedProductsResponseSchema),
  GetAccessKeyLastUsedEvents: op<
    AccessKeyPagedParams,
    typeof accessKeyLastUsedEventsResponseSchema
  >(false, accessKeyLastUsedEventsResponseSchema),
  GetAccessKeyLastUsedIps: op<
    AccessKeyPagedParams,
    typeof accessKeyLastUsedIpsResponseSchema
  >(false, accessKeyLastUsedIpsResponseSchema),
  GetAccessKeyLastUsedResources: op<
    AccessKeyPagedParams,
    typeof accessKeyLastUsedResourcesResponseSchema
  >(false, accessKeyLastUsedResourcesResponseSchema),
} as const;

export type Action = keyof typeof operations;
export type ParamsOf<A extends Action> = NonNullable<
  (typeof operations)[A]["params"]
>;
export type ResultOf<A extends Action> = z.output<
  (typeof operations)[A]["response"]
>;

export const ACTIONS = Object.keys(operations) as Action[];
export const isWriteAction = (action: string): boolean =>
  Object.hasOwn(operations, action) && operations[action as Action].write;
