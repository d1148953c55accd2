import { text } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { API_VERSION } from "../../src/api/operations";
import { byteLimit, openUpstream } from "../forward";
import { signRequestParams, toQueryString } from "../signature";
import type { SigningCredentials } from "../signature";
import { ArchiveError } from "./archive-error";

/**
 * The gateway's own ActionTrail reads for the archive routes: which trails
 * the account has (DescribeTrails, DescribeRegions), signed and sent the way
 * the proxy sends the console's calls (./api-route.ts), through the same
 * endpoint template, time limit and answer size limit. An error envelope
 * from ActionTrail (NoPermission, say) is passed on as it came.
 */
export interface TrailDelivery {
  name: string;
  homeRegion: string;
  trailRegion: string;
  ossBucketName: string;
  ossBucketLocation: string;
  ossKeyPrefix: string;
  /** `acs:log:<region>:<account>:project/<name>`; "" without a Log Service destination. */
  slsProjectArn: string;
  slsWriteRoleArn: string;
}

export interface ActionTrailReader {
  trail(homeRegion: string, name: string): Promise<TrailDelivery | undefined>;
  /** Every trail of the account, from every region it has. */
  allTrails(): Promise<TrailDelivery[]>;
}

export interface ActionTrailReadOptions {
  endpointTemplate: string;
  timeoutMs: number;
  maxBytes: number;
  credentials: () => Promise<SigningCredentials>;
  signal?: AbortSignal;
}

const asString = (v: unknown): string => (typeof v === "string" ? v : "");

function toDelivery(raw: Record<string, unknown>): TrailDelivery {
  return {
    name: asString(raw.Name),
    homeRegion: asString(raw.HomeRegion),
    trailRegion: asString(raw.TrailRegion),
    ossBucketName: asString(raw.OssBucketName),
    ossBucketLocation: asString(raw.OssBucketLocation).replace(/^oss-/, ""),
    ossKeyPrefix: asString(raw.OssKeyPrefix),
    slsProjectArn: asString(raw.SlsProjectArn),
    slsWriteRoleArn: asString(raw.SlsWriteRoleArn),
  };
}

export function actionTrailReader(
  options: ActionTrailReadOptions,
): ActionTrailReader {
  async function call(
    region: string,
    params: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const signed = signRequestParams(
      "GET",
      { ...params, Version: API_VERSION },
      await options.credentials(),
    );
    const url = new URL(options.endpointTemplate.replace("{region}", region));
    url.search = toQueryString(signed);
    const answer = await openUpstream(url, "GET", {
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const sink = new PassThrough();
    const [, body] = await Promise.all([
      pipeline(
        answer.body,
        byteLimit(options.maxBytes, () => {}),
        sink,
      ),
      text(sink),
    ]);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new ArchiveError(
        502,
        "Gateway.UpstreamUnreachable",
        `ActionTrail's answer to ${params.Action} was not JSON.`,
      );
    }
    if (answer.status >= 400)
      throw new ArchiveError(
        answer.status,
        asString(parsed.Code) || "Gateway.UpstreamError",
        asString(parsed.Message) || `ActionTrail refused ${params.Action}.`,
      );
    return parsed;
  }

  async function describeTrails(region: string, names?: string) {
    const answer = await call(region, {
      Action: "DescribeTrails",
      IncludeOrganizationTrail: "true",
      ...(names ? { NameList: names } : {}),
    });
    const list = Array.isArray(answer.TrailList) ? answer.TrailList : [];
    return list
      .filter(
        (t): t is Record<string, unknown> =>
          typeof t === "object" && t !== null,
      )
      .map(toDelivery);
  }

  return {
    async trail(homeRegion, name) {
      const trails = await describeTrails(homeRegion, name);
      return trails.find((t) => t.name === name && t.homeRegion === homeRegion);
    },
    async allTrails() {
      const answer = await call("cn-hangzhou", { Action: "DescribeRegions" });
      const regions = ((answer.Regions as { Region?: unknown } | undefined)
        ?.Region ?? []) as { RegionId?: unknown }[];
      const ids = regions.map((r) => asString(r.RegionId)).filter(Boolean);
      const seen = new Map<string, TrailDelivery>();
      for (const batch of chunks(ids, 4)) {
        const lists = await Promise.all(batch.map((id) => describeTrails(id)));
        for (const t of lists.flat())
          if (t.homeRegion) seen.set(`${t.homeRegion}/${t.name}`, t);
      }
      return [...seen.values()];
    },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
