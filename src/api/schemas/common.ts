import { z } from "zod";

/** Every ActionTrail answer carries a RequestId. */
export const requestIdOnlySchema = z
  .looseObject({ RequestId: z.string() })
  .transform((r) => ({ requestId: r.RequestId }));

/** The error envelope of the ActionTrail API (and of Alibaba Cloud's gateways). */
export const errorEnvelopeSchema = z.looseObject({
  RequestId: z.string().optional(),
  HostId: z.string().optional(),
  Code: z.string(),
  Message: z.string().optional(),
  Recommend: z.string().optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const optionalString = z
  .string()
  .optional()
  .nullable()
  .transform((v) => v ?? "");
