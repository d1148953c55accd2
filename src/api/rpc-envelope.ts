/**
 * Request parameters that are the RPC envelope (signing, versioning, the
 * region routed to), not inputs of the call itself. One list for every reader:
 * the simulated account drops them when it records a call, and way-back hints
 * leave them out of suggested commands.
 */
export const RPC_ENVELOPE_PARAMS: ReadonlySet<string> = new Set([
  "Action",
  "Version",
  "Format",
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "SignatureType",
  "Timestamp",
  "SecurityToken",
  "RegionId",
]);

export function isRpcEnvelopeParam(key: string): boolean {
  return RPC_ENVELOPE_PARAMS.has(key);
}
