/**
 * The simulated account's Log Service: `/api/_sls/<HomeRegion>/<Trail>/query`
 * answered over the simulated events of the trail's regions, as the signing
 * gateway answers from a trail's logstore (server/sls/sls-route.ts). Each
 * event is a log as ActionTrail delivers it (`event.*` fields, `__time__`),
 * and the search part is matched by the pure Log Service syntax of
 * src/lib/sls-query.ts. SQL cannot run in a service worker: for a query
 * with a SQL part the answer holds the logs the search matched and names the
 * SQL in `Meta.deferredSql`, for the Query page's embedded engine.
 */
import { http, HttpResponse, type RequestHandler } from "msw";
import {
  eventToLog,
  matchesSlsSearch,
  parseSlsSearch,
  splitSlsQuery,
  SlsSyntaxError,
  type SlsSearch,
} from "../../src/lib/sls-query";
import type { Account } from "../data/account";
import type { TrailRecord } from "../data/trail-state";
import { REGION_IDS } from "../data/regions";
import { refuse } from "./archive";

/** Logs read in one query at most, and logs handed on for the SQL part. */
const MAX_SCANNED = 300_000;
const MAX_DEFERRED = 50_000;
const MAX_SPAN_S = 366 * 86_400;

const whole = (text: string | null): number | undefined =>
  text !== null && /^\d{1,12}$/.test(text) ? Number(text) : undefined;

/**
 * Visits the logs a trail's logstore holds in [from, to) (epoch seconds):
 * the simulated events of the regions the trail records, as ActionTrail
 * delivers them, region by region, each region oldest first. At most
 * MAX_SCANNED are visited.
 */
export function visitTrailLogs(
  account: Account,
  trail: Pick<TrailRecord, "TrailRegion">,
  from: number,
  to: number,
  visit: (log: Record<string, string>) => void,
): number {
  const regions =
    trail.TrailRegion === "All" ? REGION_IDS : [trail.TrailRegion];
  let scanned = 0;
  for (const region of regions) {
    const store = account.store(region);
    for (let i = store.lowerBound(from); i < store.size; i++) {
      if (store.timeSec(i) >= to || scanned >= MAX_SCANNED) break;
      scanned++;
      visit(eventToLog(store.materialize(i)));
    }
  }
  return scanned;
}

/** The logs of the trail's logstore in [from, to), oldest first, that match. */
function scan(
  account: Account,
  trail: TrailRecord,
  from: number,
  to: number,
  search: SlsSearch,
) {
  const matched: Record<string, string>[] = [];
  let bytes = 0;
  const scanned = visitTrailLogs(account, trail, from, to, (log) => {
    bytes += JSON.stringify(log).length;
    if (matchesSlsSearch(search, log)) matched.push(log);
  });
  matched.sort((a, b) => Number(a.__time__) - Number(b.__time__));
  return { matched, scanned, bytes };
}

export function logServiceHandlers(account: Account): RequestHandler[] {
  return [
    http.get("*/api/_sls/:region/:trail/query", ({ params, request }) => {
      const region = String(params.region);
      const trail = account.trails.get(String(params.trail));
      if (!trail || trail.HomeRegion !== region)
        return refuse(
          account,
          404,
          "TrailNotFoundException",
          `The trail "${String(params.trail)}" does not exist in ${region}.`,
        );
      const project = /project\/(.+)$/.exec(trail.SlsProjectArn)?.[1];
      if (!project || !trail.SlsWriteRoleArn)
        return refuse(
          account,
          400,
          "InvalidParameter",
          `The trail "${trail.Name}" does not deliver to Log Service.`,
        );
      const url = new URL(request.url);
      const from = whole(url.searchParams.get("from"));
      const to = whole(url.searchParams.get("to"));
      if (
        from === undefined ||
        to === undefined ||
        to <= from ||
        to - from > MAX_SPAN_S
      )
        return refuse(
          account,
          400,
          "InvalidParameter",
          "from and to are epoch seconds, from before to, at most 366 days apart.",
        );
      const text = (url.searchParams.get("query") ?? "").trim() || "*";
      const split = splitSlsQuery(text);
      let search: SlsSearch;
      try {
        search = parseSlsSearch(split.search);
      } catch (error) {
        if (!(error instanceof SlsSyntaxError)) throw error;
        const before = text.slice(0, error.offset).split("\n");
        return refuse(
          account,
          400,
          "ParameterInvalid",
          `line ${before.length}:${(before.at(-1)?.length ?? 0) + 1}: ${error.message}`,
        );
      }
      const started = performance.now();
      const { matched, scanned, bytes } = scan(
        account,
        trail,
        from,
        to,
        search,
      );
      const reverse = url.searchParams.get("reverse") === "true";
      const ordered = reverse ? matched.reverse() : matched;
      const deferred = split.sql !== undefined;
      const offset = whole(url.searchParams.get("offset")) ?? 0;
      const line = Math.min(100, whole(url.searchParams.get("line")) ?? 100);
      const data = deferred
        ? ordered.slice(0, MAX_DEFERRED)
        : ordered.slice(offset, offset + line);
      return HttpResponse.json({
        RequestId: account.newRequestId(),
        Project: project,
        Logstore: `actiontrail_${trail.Name}`,
        Meta: {
          progress: "Complete",
          count: data.length,
          processedRows: scanned,
          processedBytes: bytes,
          elapsedMillisecond: Math.max(
            1,
            Math.round(performance.now() - started),
          ),
          hasSQL: false,
          keys: [...new Set(data.slice(0, 100).flatMap((r) => Object.keys(r)))],
          ...(deferred ? { deferredSql: split.sql } : {}),
        },
        Data: data,
      });
    }),
  ];
}
