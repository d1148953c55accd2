import { z } from "zod";
import { gatewayGet, parseGatewayJson } from "./client";

/**
 * A trail's logstore in Log Service, queried: the console asks
 * `/api/_sls/<HomeRegion>/<TrailName>/query` with a Log Service query
 * (`<search> | <SQL>`), a time range and a page; the signing gateway runs
 * it with GetLogsV2 in the trail's logstore, the simulated account over its
 * simulated events. Errors come in ActionTrail's envelope and become
 * `ApiError`s.
 *
 * The simulated account cannot run SQL in a service worker: for a query
 * with a SQL part it answers the logs the search matched and names the SQL
 * in `deferredSql`, which the Query page runs on its embedded engine over
 * them. Log Service itself never sets it.
 */
const answerSchema = z
  .looseObject({
    RequestId: z.string(),
    Project: z.string(),
    Logstore: z.string(),
    Meta: z.looseObject({
      progress: z.string(),
      count: z.number(),
      processedRows: z.number(),
      processedBytes: z.number().optional(),
      elapsedMillisecond: z.number(),
      hasSQL: z.boolean(),
      keys: z.array(z.string()).optional(),
      deferredSql: z.string().optional(),
    }),
    Data: z.array(z.record(z.string(), z.string())),
  })
  .transform((r) => ({
    requestId: r.RequestId,
    project: r.Project,
    logstore: r.Logstore,
    complete: r.Meta.progress === "Complete",
    count: r.Meta.count,
    processedRows: r.Meta.processedRows,
    processedBytes: r.Meta.processedBytes,
    elapsedMs: r.Meta.elapsedMillisecond,
    hasSql: r.Meta.hasSQL,
    keys: r.Meta.keys ?? [],
    deferredSql: r.Meta.deferredSql,
    rows: r.Data,
  }));

export type LogstoreAnswer = z.output<typeof answerSchema>;

export interface LogstoreQuery {
  query: string;
  /** Epoch milliseconds; sent as seconds. */
  fromMs: number;
  toMs: number;
  offset?: number;
  line?: number;
  /** Newest first. */
  reverse?: boolean;
}

/** Log Service's page size for logs (GetLogs answers at most 100 a call). */
export const LOGSTORE_PAGE = 100;

const ACTION = "GetLogs";

/** Runs one page of a query in a trail's logstore. */
export async function queryLogstore(
  trail: { homeRegion: string; name: string },
  query: LogstoreQuery,
  signal?: AbortSignal,
): Promise<LogstoreAnswer> {
  const response = await gatewayGet(
    `_sls/${encodeURIComponent(trail.homeRegion)}/${encodeURIComponent(trail.name)}/query`,
    {
      query: query.query,
      from: String(Math.floor(query.fromMs / 1000)),
      to: String(Math.ceil(query.toMs / 1000)),
      offset: String(query.offset ?? 0),
      line: String(query.line ?? LOGSTORE_PAGE),
      reverse: query.reverse ? "true" : "false",
    },
    ACTION,
    trail.homeRegion,
    signal,
  );
  return parseGatewayJson(response, answerSchema, ACTION, trail.homeRegion);
}

/** A trail that delivers to a Log Service logstore, where a query can run. */
export interface LogstoreTrail {
  name: string;
  homeRegion: string;
  project: string;
  /** ActionTrail's logstore for a trail: `actiontrail_<trail name>`. */
  logstore: string;
}

/** The trails (from DescribeTrails) with a Log Service destination, once each. */
export function logstoreTrailsOf(
  trails: readonly {
    name: string;
    homeRegion: string;
    slsProjectArn?: string | undefined;
    slsWriteRoleArn?: string | undefined;
  }[],
): LogstoreTrail[] {
  const seen = new Map<string, LogstoreTrail>();
  for (const trail of trails) {
    const project = /:project\/(.+)$/.exec(trail.slsProjectArn ?? "")?.[1];
    if (!project || !trail.slsWriteRoleArn) continue;
    seen.set(`${trail.homeRegion}/${trail.name}`, {
      name: trail.name,
      homeRegion: trail.homeRegion,
      project,
      logstore: `actiontrail_${trail.name}`,
    });
  }
  return [...seen.values()];
}
