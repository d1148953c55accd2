import type { z } from "zod";
import { flattenParams } from "../../src/api/flatten";
import { API_VERSION } from "../../src/api/operations";
import {
  lookupEventsResponseSchema,
  type AuditEvent,
  type LookupAttribute,
} from "../../src/api/schemas/event";
import type { GatewayConfig } from "../config";
import type { CredentialSource } from "../credentials";
import { openUpstream } from "../forward";
import type { Logger } from "../logger";
import { signRequestParams, toQueryString } from "../signature";

/**
 * How the scheduler reads events: LookupEvents through the gateway's own
 * signing and upstream client (the same credentials, endpoint, time limit and
 * size limit as the console's calls), page by page until the window is read
 * or the cap is reached.
 */
export interface WindowQuery {
  region: string;
  startMs: number;
  endMs: number;
  attributes: readonly LookupAttribute[];
  /** Events read at most; past it the result is partial. */
  cap: number;
}

export interface WindowEvents {
  events: AuditEvent[];
  complete: boolean;
}

export type EventReader = (query: WindowQuery) => Promise<WindowEvents>;

export class LookupFailed extends Error {
  override readonly name = "LookupFailed";
}

const PAGE_SIZE = 50;

/** `yyyy-MM-ddTHH:mm:ssZ`, whole seconds (what LookupEvents takes). */
const apiTime = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

async function readAll(
  body: NodeJS.ReadableStream,
  max: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > max)
      throw new LookupFailed("ActionTrail's answer was too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Calls one ActionTrail read action, signed as the console's calls are, and checks the answer with `schema`. */
export type SignedCall = <T extends z.ZodType>(
  region: string,
  params: Record<string, string>,
  schema: T,
) => Promise<z.output<T>>;

export function createSignedCall(deps: {
  config: GatewayConfig;
  credentials: CredentialSource;
  logger: Logger;
}): SignedCall {
  const { config, credentials, logger } = deps;
  return async (region, params, schema) => {
    const keys = await credentials.get();
    logger.redact(keys.accessKeySecret);
    logger.redact(keys.securityToken);
    const signed = signRequestParams("GET", params, keys);
    const url = new URL(config.endpointTemplate.replace("{region}", region));
    url.search = toQueryString(signed);
    const answer = await openUpstream(url, "GET", {
      timeoutMs: config.upstreamTimeoutMs,
      maxBytes: config.maxResponseBytes,
    });
    const text = await readAll(answer.body, config.maxResponseBytes);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new LookupFailed(
        `ActionTrail answered HTTP ${answer.status} without JSON.`,
      );
    }
    if (answer.status >= 400) {
      const error = data as { Code?: unknown; Message?: unknown };
      throw new LookupFailed(
        `${typeof error.Code === "string" ? error.Code : `HTTP ${answer.status}`}: ${
          typeof error.Message === "string" ? error.Message.slice(0, 300) : ""
        }`,
      );
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success)
      throw new LookupFailed(
        `ActionTrail's ${params.Action ?? ""} answer did not have the expected shape.`,
      );
    return parsed.data;
  };
}

/** Parameters for one action, flattened the RPC way (inert keys). */
export function actionParams(
  action: string,
  params: object,
): Record<string, string> {
  const flat = Object.create(null) as Record<string, string>;
  for (const [name, value] of flattenParams({
    Action: action,
    Version: API_VERSION,
    ...params,
  }))
    flat[name] = value;
  return flat;
}

export function createEventReader(deps: {
  config: GatewayConfig;
  credentials: CredentialSource;
  logger: Logger;
}): EventReader {
  const call = createSignedCall(deps);
  const page = (region: string, params: Record<string, string>) =>
    call(region, params, lookupEventsResponseSchema);

  return async (query) => {
    const events: AuditEvent[] = [];
    let token: string | undefined;
    do {
      const params = actionParams("LookupEvents", {
        StartTime: apiTime(query.startMs),
        EndTime: apiTime(query.endMs),
        MaxResults: PAGE_SIZE,
        ...(query.attributes.length
          ? { LookupAttribute: [...query.attributes] }
          : {}),
        ...(token ? { NextToken: token } : {}),
      });
      const result = await page(query.region, params);
      events.push(...result.events);
      token = result.nextToken;
      if (events.length >= query.cap)
        return {
          events: events.slice(0, query.cap),
          complete: !token && events.length <= query.cap,
        };
    } while (token);
    return { events, complete: true };
  };
}
