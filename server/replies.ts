import type { ServerResponse } from "node:http";
import { envelope, GATEWAY_ERRORS, type GatewayErrorName } from "./envelope";

/** The gateway's ways of answering, each with the security headers. */
export interface Replies {
  json(
    response: ServerResponse,
    status: number,
    body: unknown,
    extra?: Record<string, string>,
  ): void;
  error(
    response: ServerResponse,
    requestId: string,
    kind: GatewayErrorName,
    message: string,
    extra?: Record<string, string>,
  ): void;
  html(
    response: ServerResponse,
    status: number,
    html: string,
    extra?: Record<string, string>,
  ): void;
  redirect(
    response: ServerResponse,
    location: string,
    extra?: Record<string, string>,
  ): void;
}

export function createReplies(baseHeaders: Record<string, string>): Replies {
  const json: Replies["json"] = (response, status, body, extra = {}) => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...baseHeaders,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(text)),
      "Cache-Control": "no-store",
      ...extra,
    });
    response.end(text);
  };
  return {
    json,
    error(response, requestId, kind, message, extra = {}) {
      const { code, status } = GATEWAY_ERRORS[kind];
      json(response, status, envelope(requestId, code, message), extra);
    },
    html(response, status, html, extra = {}) {
      response.writeHead(status, {
        ...baseHeaders,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(html)),
        "Cache-Control": "no-store",
        ...extra,
      });
      response.end(html);
    },
    redirect(response, location, extra = {}) {
      response.writeHead(303, {
        ...baseHeaders,
        Location: location,
        "Cache-Control": "no-store",
        ...extra,
      });
      response.end();
    },
  };
}
