import { z } from "zod";
import { ApiError, isAbortError } from "./errors";
import { errorEnvelopeSchema } from "./schemas/common";

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
  const base =
    (import.meta.env.VITE_API_BASE_URL as string | undefined) || "/api";
  const origin =
    typeof location === "undefined" ? "http://localhost" : location.origin;
  let response: Response;
  try {
    response = await fetch(
      new URL(`${base.replace(/\/$/, "")}/_oss/buckets`, origin),
      { credentials: "same-origin", cache: "no-store", signal: signal ?? null },
    );
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiError({
      code: "NetworkError",
      message: "The request did not reach OSS. Check the connection.",
      status: 0,
      action: ACTION,
      region: "",
      cause,
    });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    throw new ApiError({
      code: envelope.success ? envelope.data.Code : `Http${response.status}`,
      message: envelope.success
        ? (envelope.data.Message ?? "")
        : `OSS answered HTTP ${response.status}.`,
      status: response.status,
      requestId: envelope.success ? envelope.data.RequestId : undefined,
      action: ACTION,
      region: "",
    });
  }
  const parsed = bucketsSchema.safeParse(body);
  if (!parsed.success)
    throw new ApiError({
      code: "InvalidResponse",
      message: "The bucket list did not match the expected shape.",
      status: response.status,
      action: ACTION,
      region: "",
      cause: parsed.error,
    });
  return parsed.data;
}
