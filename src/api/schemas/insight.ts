import { z } from "zod";

export const INSIGHT_TYPES = [
  "IpInsight",
  "ApiCallRateInsight",
  "ApiErrorRateInsight",
  "AkInsight",
  "PolicyChangeInsight",
  "PasswordChangeInsight",
  "TrailConcealmentInsight",
] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

/**
 * An insight event (eventType `ActionTrailInsight`). The service describes the
 * unusual activity in `insightDetails`; its exact inner shape varies by type,
 * so only the common fields are required.
 */
export const insightEventWireSchema = z.looseObject({
  eventId: z.string(),
  eventTime: z.string(),
  eventType: z.string().optional(),
  eventVersion: z.union([z.number(), z.string()]).optional(),
  acsRegion: z.string().optional(),
  recipientAccountId: z.string().optional(),
  insightDetails: z.looseObject({
    insightType: z.string(),
    insightStartTime: z.string().optional(),
    insightEndTime: z.string().optional(),
    state: z.string().optional(),
    insightContext: z
      .looseObject({
        summary: z.string().optional(),
        accessKeyId: z.string().optional(),
        userName: z.string().optional(),
        sourceIpAddress: z.string().optional(),
        serviceName: z.string().optional(),
        eventName: z.string().optional(),
        insightObject: z.string().optional(),
        baseline: z.number().optional(),
        observed: z.number().optional(),
        relatedEventIds: z.array(z.string()).optional(),
      })
      .optional(),
  }),
});

export const insightEventSchema = insightEventWireSchema.transform((e) => ({
  id: e.eventId,
  time: e.eventTime,
  region: e.acsRegion ?? "",
  insightType: e.insightDetails.insightType,
  startTime: e.insightDetails.insightStartTime ?? e.eventTime,
  endTime: e.insightDetails.insightEndTime ?? e.eventTime,
  state: e.insightDetails.state ?? "",
  context: e.insightDetails.insightContext ?? {},
  raw: e,
}));
export type InsightEvent = z.output<typeof insightEventSchema>;

export const lookupInsightEventsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    NextToken: z.string().optional().nullable(),
    Events: z.array(insightEventSchema).optional().default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    nextToken: r.NextToken ? r.NextToken : undefined,
    events: r.Events,
  }));

export const INSIGHT_ATTRIBUTE_KEYS = [
  "ServiceName",
  "EventName",
  "SourceIpAddress",
  "InsightType",
  "EventId",
  "AccessKeyId",
  "InsightObject",
] as const;

export interface LookupInsightEventsParams {
  StartTime?: string;
  EndTime?: string;
  MaxResults?: number;
  NextToken?: string;
  LookupAttribute?: {
    Key: (typeof INSIGHT_ATTRIBUTE_KEYS)[number];
    Value: string;
  }[];
}

export const describeUserLogCountResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    Data: z.looseObject({
      Dates: z.array(z.string()),
      Counts: z.array(z.number()),
    }),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    days: r.Data.Dates.map((date, i) => ({
      date,
      count: r.Data.Counts[i] ?? 0,
    })),
  }));

export interface DescribeUserLogCountParams {
  StartDate: string;
  EndDate: string;
}
