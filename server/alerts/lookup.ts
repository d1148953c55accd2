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

export function createEventReader(deps: {
  config: GatewayConfig;
  credentials: CredentialSource;
  logger: Logger;
}): EventReader {
  const { config, credentials, logger } = deps;

  async function page(
    region: string,
    params: Record<string, string>,
  ): Promise<ReturnType<typeof lookupEventsResponseSchema.parse>> {
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
    const parsed = lookupEventsResponseSchema.safeParse(data);
    if (!parsed.success)
      throw new LookupFailed(
        "ActionTrail's LookupEvents answer did not have the expected shape.",
      );
    return parsed.data;
  }

  return async (query) => {
    const events: AuditEvent[] = [];
    let token: string | undefined;
    do {
      const params: Record<string, string> = Object.create(null) as Record<
        string,
        string
      >;
      for (const [name, value] of flattenParams({
        Action: "LookupEvents",
        Version: API_VERSION,
        StartTime: apiTime(query.startMs),
        EndTime: apiTime(query.endMs),
        MaxResults: PAGE_SIZE,
        ...(query.attributes.length
          ? { LookupAttribute: [...query.attributes] }
          : {}),
        ...(token ? { NextToken: token } : {}),
      }))
        params[name] = value;
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
