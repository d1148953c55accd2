import { z } from "zod";
import { gatewayGet, parseGatewayJson } from "./client";

/**
 * The account's OSS buckets, for choosing where a trail delivers: OSS
 * ListBuckets and each bucket's ACL, read by the signing gateway (or the
 * simulated account) at `/api/_oss/buckets`, with the trails that already
 * deliver to each bucket, so the trail wizard can mark them before Create.
 */
const bucketsSchema = z
  .looseObject({
    RequestId: z.string(),
    Buckets: z.array(
      z.looseObject({
        Name: z.string(),
        Location: z.string(),
        CreationDate: z.string().optional(),
        /** `private`, `public-read` or `public-read-write`. */
        Acl: z.string().optional(),
        /** Trails of this account that deliver to the bucket. */
        Trails: z.array(z.string()).optional(),
      }),
    ),
  })
  .transform((r) =>
    r.Buckets.map((b) => ({
      name: b.Name,
      /** `oss-cn-hangzhou` → `cn-hangzhou`. */
      region: b.Location.replace(/^oss-/, ""),
      acl: b.Acl ?? "",
      trails: b.Trails ?? [],
    })),
  );

export type OssBucket = z.output<typeof bucketsSchema>[number];

export const isPublicAcl = (acl: string): boolean => acl.startsWith("public-");

const ACTION = "ListBuckets";

export async function listBuckets(signal?: AbortSignal): Promise<OssBucket[]> {
  const response = await gatewayGet("_oss/buckets", {}, ACTION, "", signal);
  return parseGatewayJson(response, bucketsSchema, ACTION, "");
}
