import {
  keepPreviousData,
  queryOptions,
  skipToken,
} from "@tanstack/react-query";
import { rpc } from "@/api/client";
import {
  eventsOf,
  failedRegions,
  readAllEvents,
  type ReadResult,
} from "@/api/event-reader";
import type { AuditEvent } from "@/api/schemas/event";
import { archivedDays } from "@/lib/archive/browser-store";
import { loadPages } from "@/lib/rate-limiter";
import { DAY, toApiDate, toApiTime } from "@/lib/time";
import { aggregateOffThread } from "./aggregate-client";
import type { FindingsJob, FindingsResult } from "./findings/compute";
import { findingsOffThread } from "./findings/findings-client";
import {
  groupFindings,
  type Finding,
  type Signal,
} from "./findings/group-findings";
import { toSeriesEvent } from "./to-series";

/** The overview loads at most this many events of the region and range (newest first). */
export const OVERVIEW_CAP = 5_000;
/** ActionTrail's own insight events are listed for the last 7 days. */
export const DETECTION_DAYS = 7;

export interface LoadedEvents {
  events: AuditEvent[];
  truncated: boolean;
  /** Regions whose events could not be loaded, whole or in part (the rest are shown). */
  failedRegions: string[];
  /** The reader's ledger: what was read and what was not. */
  result: ReadResult;
}

const toLoaded = (result: ReadResult): LoadedEvents => ({
  events: eventsOf(result),
  truncated: result.capped,
  failedRegions: failedRegions(result),
  result,
});

/** What a findings read is over: regions, range, the user's rules, the switched-off IDs, and where archives answer. */
type FindingsArgs = [
  regions: readonly string[],
  from: number,
  to: number,
  userRules: readonly string[],
  disabled: readonly string[],
  archiveBefore: number | undefined,
];
const findingsTail = (...[r, from, to, rules, off, before]: FindingsArgs) =>
  [r, from, to, rules, off, before ?? null] as const;

export const insightKeys = {
  all: ["insights"] as const,
  overview: (region: string, from: number, to: number) =>
    [...insightKeys.all, "overview", region, from, to] as const,
  /** The overview's read so far, while it is under way. */
  overviewSoFar: (region: string, from: number, to: number) =>
    [...insightKeys.all, "overview-so-far", region, from, to] as const,
  /** The events are appended only: how many there are (and whether the read is done) names them. */
  series: (
    region: string,
    from: number,
    to: number,
    count: number,
    complete: boolean,
  ) =>
    [...insightKeys.all, "series", region, from, to, count, complete] as const,
  serviceInsights: (region: string, from: number, to: number) =>
    [...insightKeys.all, "service-insights", region, from, to] as const,
  findings: (...args: FindingsArgs) =>
    [...insightKeys.all, "findings", ...findingsTail(...args)] as const,
  /** The findings of a read still under way (rule hits only; see findingsQueryOptions). */
  findingsSoFar: (...args: FindingsArgs) =>
    [...insightKeys.all, "findings-so-far", ...findingsTail(...args)] as const,
  dailyCounts: (region: string, today: string) =>
    [...insightKeys.all, "daily-counts", region, today] as const,
};

/** How often, at most, the overview's read so far is handed to the screens (ms). */
const SO_FAR_EVERY = 300;

/**
 * All events of one region and range, newest first, up to OVERVIEW_CAP. While
 * the read is under way its result so far goes to `overviewSoFarQueryOptions`
 * (the first page at once, then every SO_FAR_EVERY ms), so the charts and
 * field statistics show first content long before the last page.
 */
export const overviewEventsQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: insightKeys.overview(region, from, to),
    queryFn: async ({ signal, client }): Promise<LoadedEvents> => {
      const soFar = insightKeys.overviewSoFar(region, from, to);
      let handed = -Infinity;
      // A new read starts from nothing, not from an earlier read's pages.
      client.removeQueries({ queryKey: soFar, exact: true });
      const result = await readAllEvents(
        {
          regions: [region],
          window: { startMs: from, endMs: to },
          attributes: [],
        },
        {
          cap: OVERVIEW_CAP,
          signal,
          onProgress: (partial) => {
            const now = performance.now();
            if (signal.aborted || now - handed < SO_FAR_EVERY) return;
            handed = now;
            client.setQueryData<LoadedEvents>(soFar, toLoaded(partial));
          },
        },
      );
      return toLoaded(result);
    },
    staleTime: 5 * 60_000,
  });

/** The overview's read so far (filled by its query while the read is under way; nothing to fetch here). */
export const overviewSoFarQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions<LoadedEvents>({
    queryKey: insightKeys.overviewSoFar(region, from, to),
    queryFn: skipToken,
    staleTime: Infinity,
  });

/**
 * The overview's chart series, counted in a Web Worker from the events read
 * so far (or all of them): each new part of the read is counted again while
 * the previous series stays on screen.
 */
export const overviewSeriesQueryOptions = (
  region: string,
  from: number,
  to: number,
  loaded: LoadedEvents | undefined,
  complete: boolean,
) =>
  queryOptions({
    // The events are appended only, so their count (with `complete`) names them.
    queryKey: insightKeys.series(
      region,
      from,
      to,
      loaded?.events.length ?? 0,
      complete,
    ),
    queryFn: loaded
      ? () => aggregateOffThread(loaded.events.map(toSeriesEvent), { from, to })
      : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

/** The service's own insight events (LookupInsightEvents) of the region and range. */
export const serviceInsightsQueryOptions = (
  region: string,
  from: number,
  to: number,
) =>
  queryOptions({
    queryKey: insightKeys.serviceInsights(region, from, to),
    queryFn: async ({ signal }) => {
      const r = await loadPages(async (token) => {
        const page = await rpc(
          region,
          "LookupInsightEvents",
          {
            StartTime: toApiTime(from),
            EndTime: toApiTime(to),
            MaxResults: 50,
            ...(token ? { NextToken: token } : {}),
          },
          { signal },
        );
        return { items: page.events, nextToken: page.nextToken };
      }, 500);
      return r.items;
    },
    staleTime: 5 * 60_000,
  });

/** 90 days of daily event counts (DescribeUserLogCount). */
export const dailyCountsQueryOptions = (region: string, today: number) =>
  queryOptions({
    queryKey: insightKeys.dailyCounts(region, toApiDate(today)),
    queryFn: ({ signal }) =>
      rpc(
        region,
        "DescribeUserLogCount",
        { StartDate: toApiDate(today - 89 * DAY), EndDate: toApiDate(today) },
        { signal },
      ),
    select: (r) => r.days,
    staleTime: 30 * 60_000,
  });

/** The days imported trail archives span (shared with the archives screen, which refreshes every "archives" query after an import). */
export const archivedDaysQueryOptions = () =>
  queryOptions({
    queryKey: ["archives", "days"],
    queryFn: async () => (await archivedDays()) ?? null,
    staleTime: 60_000,
  });

/** How often, at most, the part of a findings read that arrived is run through the rules (ms). */
const FINDINGS_SO_FAR_EVERY = 400;

/** What the Findings view shows while its read is under way. */
export interface FindingsSoFar {
  findings: Finding[];
  /** Events read and run through the rules so far. */
  examined: number;
  events: AuditEvent[];
  rules: FindingsResult["rules"];
}

/**
 * Findings over every region and the chosen range: all events read with the
 * shared reader (30-day slices; parts older than `archiveBefore` from the
 * imported archives), then rules and detectors in the worker. The result
 * says how many events were examined, how many came from archives, and
 * which regions failed.
 *
 * A long read (every region, 90 days) takes minutes at 10 calls a second,
 * so while it runs each new part of it goes to the worker on its own, through
 * the single-event rules only, and the findings so far (grouped over every
 * part's rule hits) go to `findingsSoFarQueryOptions`. The stateful detectors
 * (new address, bursts, dormant credentials…) need the whole read: they run
 * once it is complete, and that result replaces the one so far.
 */
export const findingsQueryOptions = (
  regions: readonly string[],
  from: number,
  to: number,
  userRules: readonly string[],
  disabled: readonly string[],
  archiveBefore?: number,
) =>
  queryOptions({
    queryKey: insightKeys.findings(
      regions,
      from,
      to,
      userRules,
      disabled,
      archiveBefore,
    ),
    queryFn: async ({ signal, client }) => {
      const soFarKey = insightKeys.findingsSoFar(
        regions,
        from,
        to,
        userRules,
        disabled,
        archiveBefore,
      );
      // A new read starts from nothing, not from an earlier read's findings.
      client.removeQueries({ queryKey: soFarKey, exact: true });
      // The worker starts and compiles the rules while the first page is read.
      void findingsOffThread({
        events: [],
        userRules: [...userRules],
        disabled: [...disabled],
        rulesOnly: true,
      }).catch(() => undefined);
      const seen = new Set<string>();
      // The worker keeps the parts it is sent: the whole run then needs only the rest.
      const readId = `findings-read-${++findingsReads}`;
      let kept = 0;
      const signals: Signal[] = [];
      const behind: AuditEvent[] = [];
      const rules: FindingsResult["rules"] = {};
      let busy = false;
      let handed = -Infinity;
      const runPart = (events: AuditEvent[]) => {
        const fresh = events.filter((e) => !seen.has(e.id));
        if (fresh.length === 0) return;
        for (const e of fresh) seen.add(e.id);
        busy = true;
        kept += fresh.length;
        findingsOffThread({
          events: fresh,
          userRules: [...userRules],
          disabled: [...disabled],
          rulesOnly: true,
          read: { id: readId, keep: true },
        }).then(
          (part) => {
            busy = false;
            if (signal.aborted) return;
            signals.push(...(part.signals ?? []));
            behind.push(...part.events);
            Object.assign(rules, part.rules);
            client.setQueryData<FindingsSoFar>(soFarKey, {
              findings: groupFindings(signals),
              examined: seen.size,
              events: behind,
              rules: { ...rules },
            });
          },
          () => {
            busy = false;
          },
        );
      };
      const read = await readAllEvents(
        {
          regions,
          window: { startMs: from, endMs: to },
          attributes: [],
          ...(archiveBefore === undefined ? {} : { archiveBefore }),
        },
        {
          signal,
          onProgress: (partial) => {
            const now = performance.now();
            if (signal.aborted || busy) return;
            if (now - handed < FINDINGS_SO_FAR_EVERY) return;
            handed = now;
            runPart(eventsOf(partial));
          },
        },
      );
      const result = await findingsWholeRead(eventsOf(read), seen, {
        userRules: [...userRules],
        disabled: [...disabled],
        read: { id: readId, kept },
      });
      return {
        ...result,
        archiveEvents: read.archiveEvents,
        failedRegions: failedRegions(read),
      };
    },
    enabled: regions.length > 0,
    staleTime: 10 * 60_000,
  });

let findingsReads = 0;

/**
 * The whole read through the rules and detectors: only the events not sent
 * in kept parts go to the worker, unless the parts hold an event the whole
 * read does not, or the worker no longer has them (then every event goes).
 */
async function findingsWholeRead(
  events: AuditEvent[],
  sent: ReadonlySet<string>,
  job: Omit<FindingsJob, "events" | "read"> & {
    read: { id: string; kept: number };
  },
): Promise<FindingsResult> {
  const all = { ...job, read: undefined, events };
  if (job.read.kept === 0) return findingsOffThread(all);
  const rest = events.filter((e) => !sent.has(e.id));
  if (events.length - rest.length !== sent.size) return findingsOffThread(all);
  const result = await findingsOffThread({ ...job, events: rest });
  return result.partsMissing ? findingsOffThread(all) : result;
}

/** The findings of a read still under way (filled by findingsQueryOptions; nothing to fetch here). */
export const findingsSoFarQueryOptions = (...args: FindingsArgs) =>
  queryOptions<FindingsSoFar>({
    queryKey: insightKeys.findingsSoFar(...args),
    queryFn: skipToken,
    staleTime: Infinity,
  });
