import { randomUUID } from "node:crypto";

/**
 * Refusals the gateway makes itself are answered in ActionTrail's own error
 * envelope (`RequestId`, `HostId`, `Code`, `Message`), so the console shows
 * them like any other service error, RequestId included.
 */
export interface ErrorEnvelope {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
}

export const GATEWAY_HOST_ID = "trailscope-gateway";

export const newRequestId = (): string => randomUUID().toUpperCase();

export const envelope = (
  requestId: string,
  code: string,
  message: string,
): ErrorEnvelope => ({
  RequestId: requestId,
  HostId: GATEWAY_HOST_ID,
  Code: code,
  Message: message,
});

/** The codes the gateway answers with, and their HTTP status. */
export const GATEWAY_ERRORS = {
  Unauthenticated: { code: "Gateway.Unauthenticated", status: 401 },
  HostNotAllowed: { code: "Gateway.HostNotAllowed", status: 403 },
  CrossSiteRequest: { code: "Gateway.CrossSiteRequest", status: 403 },
  ActionNotAllowed: { code: "Gateway.ActionNotAllowed", status: 403 },
  ReadOnly: { code: "NoPermission", status: 403 },
  MissingAction: { code: "MissingParameter", status: 400 },
  InvalidRegion: { code: "Gateway.InvalidRegion", status: 400 },
  InvalidRequest: { code: "Gateway.InvalidRequest", status: 400 },
  UnsupportedVersion: { code: "Gateway.UnsupportedVersion", status: 400 },
  NotFound: { code: "Gateway.NotFound", status: 404 },
  MethodNotAllowed: { code: "Gateway.MethodNotAllowed", status: 405 },
  RequestTimeout: { code: "Gateway.RequestTimeout", status: 408 },
  RequestTooLarge: { code: "Gateway.RequestTooLarge", status: 413 },
  UnsupportedMediaType: { code: "Gateway.UnsupportedMediaType", status: 415 },
  TooManySignIns: { code: "Gateway.TooManySignIns", status: 429 },
  Throttling: { code: "Throttling.User", status: 429 },
  Internal: { code: "Gateway.InternalError", status: 500 },
  CredentialsUnavailable: {
    code: "Gateway.CredentialsUnavailable",
    status: 500,
  },
  UpstreamUnreachable: { code: "Gateway.UpstreamUnreachable", status: 502 },
  ResponseTooLarge: { code: "Gateway.ResponseTooLarge", status: 502 },
  UpstreamTimeout: { code: "GatewayTimeout", status: 504 },
} as const;

export type GatewayErrorName = keyof typeof GATEWAY_ERRORS;

/** A refusal the gateway answers in the envelope; `close` ends the connection after the answer. */
export class Refusal extends Error {
  constructor(
    readonly kind: GatewayErrorName,
    message: string,
    readonly options: { close?: boolean; retryAfterS?: number } = {},
  ) {
    super(message);
  }
}
