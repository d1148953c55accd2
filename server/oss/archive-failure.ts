import { UpstreamError } from "../forward";
import { ArchiveError } from "./archive-error";
import { ossFailure } from "./oss-reader";

/** Any failure as the envelope's status, code and message. */
export function asArchiveError(
  error: unknown,
  timeoutMs: number,
): ArchiveError {
  if (error instanceof ArchiveError) return error;
  if (error instanceof UpstreamError)
    return error.kind === "timeout"
      ? new ArchiveError(
          504,
          "GatewayTimeout",
          `The archive did not answer within ${Math.round(timeoutMs / 1000)} s. Try again.`,
        )
      : error.kind === "too-large"
        ? new ArchiveError(
            502,
            "Gateway.ResponseTooLarge",
            "The answer was larger than the gateway passes on.",
          )
        : new ArchiveError(
            502,
            "Gateway.UpstreamUnreachable",
            "The gateway could not reach the archive.",
          );
  const failure = ossFailure(error);
  const known: Record<string, [number, string]> = {
    NoSuchKey: [404, "The specified key does not exist."],
    NoSuchBucket: [404, "The trail's bucket does not exist."],
    AccessDenied: [403, "OSS refused the gateway's AccessKey for this bucket."],
    InvalidAccessKeyId: [403, "OSS does not know the gateway's AccessKey."],
    SignatureDoesNotMatch: [403, "OSS did not accept the gateway's signature."],
  };
  const hit = failure.code ? known[failure.code] : undefined;
  if (hit && failure.code)
    return new ArchiveError(hit[0], failure.code, hit[1]);
  if (failure.code && /Timeout/i.test(failure.code))
    return new ArchiveError(
      504,
      "GatewayTimeout",
      `OSS did not answer within ${Math.round(timeoutMs / 1000)} s. Try again.`,
    );
  return new ArchiveError(
    502,
    "Gateway.UpstreamUnreachable",
    failure.status
      ? `OSS answered HTTP ${failure.status}${failure.code ? ` (${failure.code})` : ""}.`
      : "The gateway could not reach OSS.",
  );
}
