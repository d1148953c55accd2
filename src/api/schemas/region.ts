import { z } from "zod";

export const regionWireSchema = z.looseObject({
  RegionId: z.string(),
  LocalName: z.string().optional(),
  RegionEndpoint: z.string().optional(),
});

export const describeRegionsResponseSchema = z
  .looseObject({
    RequestId: z.string(),
    Regions: z.looseObject({ Region: z.array(regionWireSchema) }),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    regions: r.Regions.Region.map((region) => ({
      id: region.RegionId,
      name: region.LocalName ?? region.RegionId,
      endpoint: region.RegionEndpoint ?? "",
    })),
  }));

export type Region = z.output<
  typeof describeRegionsResponseSchema
>["regions"][number];

export interface DescribeRegionsParams {
  AcceptLanguage?: "en-US" | "zh-CN";
}
