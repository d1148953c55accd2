import { z } from "zod";

export const accessKeyLastUsedInfoResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    AccessKeyId: z.string().optional().default(""),
    AccountId: z.string().optional().default(""),
    AccountType: z.string().optional().default(""),
    UserName: z.string().optional().default(""),
    ServiceName: z.string().optional().default(""),
    Source: z.string().optional().default(""),
    UsedTimestamp: z.number().optional(),
    Detail: z.string().optional().default(""),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    accessKeyId: r.AccessKeyId,
    accountId: r.AccountId,
    accountType: r.AccountType,
    userName: r.UserName,
    serviceName: r.ServiceName,
    source: r.Source,
    usedAt: r.UsedTimestamp,
    /** One event as a JSON string, as the service sends it. */
    detail: r.Detail,
  }));

const usedItem = z.looseObject({
  UsedTimestamp: z.number().optional(),
  Detail: z.string().optional(),
  Source: z.string().optional(),
});

export const accessKeyLastUsedProductsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    Products: z
      .array(
        usedItem.extend({
          ServiceName: z.string(),
          ServiceNameCn: z.string().optional(),
        }),
      )
      .default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    products: r.Products.map((p) => ({
      serviceName: p.ServiceName,
      usedAt: p.UsedTimestamp,
      source: p.Source ?? "",
    })),
  }));

export const accessKeyLastUsedEventsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    NextToken: z.string().optional().nullable(),
    Events: z
      .array(
        usedItem.extend({
          EventName: z.string(),
          ServiceName: z.string().optional(),
        }),
      )
      .default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    nextToken: r.NextToken || undefined,
    events: r.Events.map((e) => ({
      eventName: e.EventName,
      serviceName: e.ServiceName ?? "",
      usedAt: e.UsedTimestamp,
      source: e.Source ?? "",
      detail: e.Detail ?? "",
    })),
  }));

export const accessKeyLastUsedIpsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    NextToken: z.string().optional().nullable(),
    Ips: z.array(usedItem.extend({ SourceIp: z.string() })).default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    nextToken: r.NextToken || undefined,
    ips: r.Ips.map((ip) => ({
      sourceIp: ip.SourceIp,
      usedAt: ip.UsedTimestamp,
      source: ip.Source ?? "",
      detail: ip.Detail ?? "",
    })),
  }));

export const accessKeyLastUsedResourcesResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    NextToken: z.string().optional().nullable(),
    Resources: z
      .array(
        usedItem.extend({
          ResourceName: z.string(),
          ResourceType: z.string().optional(),
        }),
      )
      .default([]),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    nextToken: r.NextToken || undefined,
    resources: r.Resources.map((res) => ({
      resourceName: res.ResourceName,
      resourceType: res.ResourceType ?? "",
      usedAt: res.UsedTimestamp,
      source: res.Source ?? "",
      detail: res.Detail ?? "",
    })),
  }));

export interface AccessKeyParams {
  AccessKey: string;
}
export interface AccessKeyPagedParams {
  AccessKey: string;
  ServiceName?: string;
  PageSize?: number;
  NextToken?: string;
}
