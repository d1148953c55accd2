import { t } from "@lingui/core/macro";
import { archiveStore } from "@/lib/archive/browser-store";
import {
  readArchivePage,
  type ArchivePageQuery,
} from "@/lib/archive/search-archive";
import { lookupEventsLimiter, type RateLimiter } from "@/lib/rate-limiter";
import { toApiTime } from "@/lib/time";
import { rpc, type RetryInfo } from "./client";
import { ApiError, describeError, isAbortError, isApiError } from "./errors";
import { createStringTable } from "@/lib/intern";
import {
  compactEvent,
  type AuditEvent,
  type LookupAttribute,
} from "./schemas/event";
import { divideWindow, splitWindow, type TimeWindow } from "./time-window";

/**
 * Trailscope's one reader of LookupEvents. The event search, insights and
 * investigation all read events through it, so they share its rules:
 *
 * - a window is split into slices of at most 30 days (the API's span), per region;
 * - each slice is paged with NextToken, newest first;
 * - every attempt, retries included, takes the account's one LookupEvents
 *   limiter (10 calls in any 1.05 s), and calls in flight are bounded per
 *   region and across the console;
 * - events are de-duplicated by eventId (global services answer in several regions);
 * - a read stops at a cap or when aborted, and what it did not read stays on
 *   its ledger: every part of the window still to read (`todo`), with the
 *   failure that stopped it, if any. A result is complete only when `todo` is empty.
 *
 * The ledger is the truth the screens speak from: they say "all loaded" only
 * when it is empty, and name the regions and time spans that are missing.
 *
 * Parts of a window older than `scope.archiveBefore` are read from the
 * trail archives imported into this browser (src/lib/archive), with the same
 * conditions, paging, de-duplication and ledger; `archiveEvents` says how
 * many events they answered.
 */

/** LookupEvents' largest page. */
export const PAGE_SIZE = 50;
/**
 * Calls in flight across the whole console, and per region of one read. A
 * read of fewer regions than the console takes lets each of them use its
 * share of the console's calls: one region alone has all six, so 150 ms of
 * latency (or a busy browser answering late) does not leave the limiter's
 * calls unused while pages wait behind each other.
 */
export const MAX_IN_FLIGHT = 6;
export const MAX_IN_FLIGHT_PER_REGION = 3;

/** Calls in flight per region when a read covers `regions` regions. */
export const inFlightPerRegion = (regions: number): number =>
  Math.max(
    MAX_IN_FLIGHT_PER_REGION,
    Math.floor(MAX_IN_FLIGHT / Math.max(1, regions)),
  );

export interface ReadScope {
  regions: readonly string[];
  window: TimeWindow;
  /** The (at most two) LookupAttribute conditions the service applies. */
  attributes: readonly LookupAttribute[];
  /**
   * Parts of the window older than this (epoch ms) are read from the
   * archives imported into this browser instead of LookupEvents (which
   * answers for 90 days): the caller sets it where archives hold events.
   */
  archiveBefore?: number | undefined;
}

/** Reads one page of imported archives (src/lib/archive/search-archive.ts). */
export type ArchiveReader = (query: ArchivePageQuery) => Promise<{
  events: AuditEvent[];
  more: boolean;
}>;

/** Events an archive answer holds at most per page. */
export const ARCHIVE_PAGE_SIZE = 500;

/** Why a part of the window could not be read, as the service said it. */
export interface ReadFailure {
  code: string;
  message: string;
  requestId: string;
  status: number;
}

/**
 * A part of one region's window not read yet: [startMs, endMs], both ends
 * inclusive. `cursor` continues a query already begun over [startMs, cursor.endMs].
 */
export interface Span {
  region: string;
  startMs: number;
  endMs: number;
  cursor?: { endMs: number; token: string } | undefined;
  /** Set when the last attempt on this span failed after its retries. */
  failure?: ReadFailure | undefined;
  /** Read from imported archives, not from LookupEvents. */
  source?: "archive" | undefined;
}

export interface RegionTally {
  pages: number;
  requests: number;
  events: number;
}

export interface ReadResult {
  scope: ReadScope;
  /** The events as read, one list per page, appended only; unique by eventId. */
  chunks: readonly AuditEvent[][];
  /** Unique events read. */
  count: number;
  /** eventIds read (owned by the reader: read it, never change it). */
  ids: ReadonlySet<string>;
  /** What is still to read, newest first. Empty means complete. */
  todo: readonly Span[];
  perRegion: Readonly<Record<string, RegionTally>>;
  pages: number;
  requests: number;
  /** Unique events answered by imported archives (the rest by LookupEvents). */
  archiveEvents: number;
  /** The last read stopped at its cap while parts were left. */
  capped: boolean;
  /** The last read was cancelled while parts were left. */
  cancelled: boolean;
}

/** A new, empty read: every region's window, in ≤30-day slices, still to read. */
export function startRead(scope: ReadScope): ReadResult {
  const todo: Span[] = [];
  const before = scope.archiveBefore;
  for (const region of scope.regions)
    for (const slice of splitWindow(scope.window)) {
      if (before === undefined || slice.startMs >= before) {
        todo.push({ region, startMs: slice.startMs, endMs: slice.endMs });
        continue;
      }
      // Newest first: the part the service answers, then the archive's.
      if (slice.endMs >= before)
        todo.push({ region, startMs: before, endMs: slice.endMs });
      todo.push({
        region,
        startMs: slice.startMs,
        endMs: Math.min(slice.endMs, before - 1),
        source: "archive",
      });
    }
  return {
    scope,
    chunks: [],
    count: 0,
    ids: new Set(),
    todo,
    perRegion: Object.fromEntries(
      scope.regions.map((r) => [r, { pages: 0, requests: 0, events: 0 }]),
    ),
    pages: 0,
    requests: 0,
    archiveEvents: 0,
    capped: false,
    cancelled: false,
  };
}

export type ReadMode =
  /** One page from the newest unread part of each region ("Load more"). */
  | "page"
  /** Everything left, in parallel ("Load all"). */
  | "all"
  /** Only the parts that failed ("Retry the missing parts"). */
  | "failed";

export interface ReadOptions {
  mode: ReadMode;
  /** Stop once this many unique events are read. */
  cap?: number | undefined;
  /** Stop a region once this many of its events are read. */
  capPerRegion?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Told after every page, with the result so far. */
  onProgress?: ((result: ReadResult) => void) | undefined;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  limiter?: RateLimiter | undefined;
  /** Load all splits each untouched slice into parts so regions × parts ≈ this many readers. */
  parallelism?: number | undefined;
  /** Where archive parts are read (default: the archives imported into this browser). */
  archive?: ArchiveReader | undefined;
}

/** A counting semaphore; waiting is abortable. */
export interface Semaphore {
  acquire(signal?: AbortSignal): Promise<() => void>;
}

export function createSemaphore(size: number): Semaphore {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    acquire(signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        const grant = () => {
          signal?.removeEventListener("abort", onAbort);
          active++;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        };
        const onAbort = () => {
          const at = waiting.indexOf(grant);
          if (at >= 0) waiting.splice(at, 1);
          reject(abortError());
        };
        if (active < size) return grant();
        waiting.push(grant);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}

const abortError = () => new DOMException("Aborted", "AbortError");

/** Calls in flight across the console: every read shares it. */
const consoleInFlight = createSemaphore(MAX_IN_FLIGHT);

function toFailure(error: unknown): ReadFailure {
  if (isApiError(error))
    return {
      code: error.code,
      message: error.message,
      requestId: error.requestId,
      status: error.status,
    };
  const { message } = describeError(error);
  return { code: "ReaderError", message, requestId: "", status: 0 };
}

/**
 * Reads more of `previous` and resolves with the new result; never throws for
 * a failed part (it is kept on the ledger) and resolves with what it has when
 * aborted (`cancelled`). `previous` is not changed.
 */
export async function readEvents(
  previous: ReadResult,
  options: ReadOptions,
): Promise<ReadResult> {
  const {
    mode,
    cap = Infinity,
    capPerRegion = Infinity,
    signal,
    onProgress,
    onRetry,
    limiter = lookupEventsLimiter,
  } = options;
  const scope = previous.scope;
  const ids = new Set(previous.ids);
  const chunks = [...previous.chunks];
  const perRegion: Record<string, RegionTally> = {};
  for (const r of scope.regions)
    perRegion[r] = { ...(previous.perRegion[r] ?? ZERO) };
  let count = previous.count;
  let pages = previous.pages;
  let requests = previous.requests;
  let archiveEvents = previous.archiveEvents;
  // One copy of each repeated string across the pages this call reads. The
  // table is emptied when the call ends (the events keep their copies): the
  // engine's optimised code can keep this call's variables reachable.
  const strings = createStringTable();
  const archive: ArchiveReader =
    options.archive ?? ((q) => readArchivePage(archiveStore(), q));

  // The spans this read works on, and those it leaves alone.
  let todo = previous.todo.map((s) => ({ ...s }));
  let work: Span[];
  if (mode === "page") {
    const newest = new Map<string, Span>();
    for (const s of todo) if (!newest.has(s.region)) newest.set(s.region, s);
    work = [...newest.values()];
  } else {
    const pick = new Set(
      mode === "failed" ? todo.filter((s) => s.failure) : todo,
    );
    const parts = Math.max(
      1,
      Math.ceil((options.parallelism ?? MAX_IN_FLIGHT) / scope.regions.length),
    );
    work = [];
    todo = todo.flatMap((s) => {
      if (!pick.has(s)) return [s];
      // What is left of a span is split into parts read side by side; a span
      // begun with a token starts afresh below the oldest event it read (the
      // shared boundary seconds are read twice and de-duplicated), so a
      // region's first page does not leave Load all on one reader.
      const pieces =
        s.endMs - s.startMs >= 2000 && s.source !== "archive"
          ? divideWindow(s, parts).map((w) => ({ ...w, region: s.region }))
          : [s];
      work.push(...pieces);
      return pieces;
    });
  }
  for (const s of work) s.failure = undefined;

  let capped = false;
  const snapshot = (cancelled: boolean): ReadResult => ({
    scope,
    chunks: [...chunks],
    count,
    ids,
    todo: todo.map((s) => ({ ...s })),
    perRegion: { ...perRegion },
    pages,
    requests,
    archiveEvents,
    capped,
    cancelled,
  });

  const perRegionGate = inFlightPerRegion(scope.regions.length);
  const regionGates = new Map(
    scope.regions.map((r) => [r, createSemaphore(perRegionGate)]),
  );
  const full = (region: string) =>
    count >= cap || (perRegion[region]?.events ?? 0) >= capPerRegion;

  /** Reads one page of an archive span; false when it is finished. */
  const readArchive = async (span: Span): Promise<boolean> => {
    try {
      const tally = (perRegion[span.region] ??= { ...ZERO });
      const page = await archive({
        region: span.region,
        startMs: span.startMs,
        endMs: span.endMs,
        attributes: scope.attributes,
        limit: ARCHIVE_PAGE_SIZE,
      });
      signal?.throwIfAborted();
      pages++;
      tally.pages++;
      const fresh = page.events.filter((e) => !ids.has(e.id));
      for (const e of fresh) {
        ids.add(e.id);
        compactEvent(e, strings);
      }
      if (fresh.length) {
        chunks.push(fresh);
        count += fresh.length;
        archiveEvents += fresh.length;
        tally.events += fresh.length;
      }
      const oldest = page.events.at(-1)?.timeMs;
      if (!page.more || oldest === undefined || !Number.isFinite(oldest)) {
        todo = todo.filter((s) => s !== span);
        return false;
      }
      // Down from the oldest event read (that millisecond again: more may share it).
      span.endMs = oldest < span.endMs ? oldest : span.endMs - 1;
      return span.endMs >= span.startMs;
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error;
      span.failure = {
        code: "ArchiveUnreadable",
        message: (error as Error).message,
        requestId: "",
        status: 0,
      };
      return false;
    } finally {
      onProgress?.(snapshot(false));
    }
  };

  /** Reads one page of `span`; false when the span is finished or must stop. */
  const readPage = async (span: Span): Promise<boolean> => {
    if (span.source === "archive") return readArchive(span);
    const gate = regionGates.get(span.region) ?? createSemaphore(1);
    const releaseRegion = await gate.acquire(signal);
    let releaseConsole: (() => void) | undefined;
    try {
      releaseConsole = await consoleInFlight.acquire(signal);
      const tally = (perRegion[span.region] ??= { ...ZERO });
      const query = span.cursor
        ? { endMs: span.cursor.endMs, token: span.cursor.token }
        : { endMs: span.endMs, token: undefined };
      let page;
      try {
        page = await rpc(
          span.region,
          "LookupEvents",
          {
            StartTime: toApiTime(span.startMs),
            EndTime: toApiTime(query.endMs),
            MaxResults: PAGE_SIZE,
            ...(scope.attributes.length
              ? { LookupAttribute: [...scope.attributes] }
              : {}),
            ...(query.token ? { NextToken: query.token } : {}),
          },
          {
            signal,
            onRetry: (info) => {
              requests++;
              tally.requests++;
              onRetry?.(info);
            },
            beforeAttempt: (s) => limiter.acquire(s),
          },
        );
      } finally {
        requests++;
        tally.requests++;
      }
      pages++;
      tally.pages++;
      const fresh: AuditEvent[] = [];
      let oldest = Infinity;
      for (const event of page.events) {
        if (Number.isFinite(event.timeMs))
          oldest = Math.min(oldest, event.timeMs);
        if (ids.has(event.id)) continue;
        ids.add(event.id);
        fresh.push(
          compactEvent(
            event.region ? event : { ...event, region: span.region },
            strings,
          ),
        );
      }
      if (fresh.length) {
        chunks.push(fresh);
        count += fresh.length;
        tally.events += fresh.length;
      }
      if (!page.nextToken) {
        todo = todo.filter((s) => s !== span);
        return false;
      }
      // What is left is everything down from the oldest event read (that
      // second included: more events may share it).
      if (Number.isFinite(oldest))
        span.endMs = Math.max(
          span.startMs,
          Math.min(span.endMs, Math.floor(oldest / 1000) * 1000),
        );
      span.cursor = { endMs: query.endMs, token: page.nextToken };
      return true;
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error;
      if (
        span.cursor &&
        isApiError(error) &&
        error.code === "InvalidNextToken"
      ) {
        // The token expired: read the rest of the span afresh (duplicates are dropped).
        span.cursor = undefined;
        return true;
      }
      span.cursor = undefined;
      span.failure = toFailure(error);
      return false;
    } finally {
      releaseConsole?.();
      releaseRegion();
      onProgress?.(snapshot(false));
    }
  };

  const runSpan = async (span: Span) => {
    for (;;) {
      if (full(span.region)) return;
      const more = await readPage(span);
      if (!more || mode === "page") return;
    }
  };

  try {
    await Promise.all(
      work.map(async (span) => {
        try {
          await runSpan(span);
        } catch (error) {
          if (!isAbortError(error) && !signal?.aborted) throw error;
        }
      }),
    );
  } finally {
    capped = todo.length > 0 && work.some((s) => full(s.region));
    strings.clear();
  }
  return snapshot(Boolean(signal?.aborted) && todo.length > 0);
}

const ZERO: RegionTally = { pages: 0, requests: 0, events: 0 };

/** Reads a whole scope (insights and investigation): all of it, up to the caps. */
export function readAllEvents(
  scope: ReadScope,
  options: Omit<ReadOptions, "mode"> = {},
): Promise<ReadResult> {
  return readEvents(startRead(scope), { ...options, mode: "all" });
}

/** Every event read, in the order read (one list; for views that do not merge). */
export const eventsOf = (result: ReadResult): AuditEvent[] =>
  result.chunks.flat();

/** Whether every part of the scope has been read. */
export const isComplete = (result: ReadResult): boolean =>
  result.todo.length === 0;

/** The parts that failed, with why. */
export const failedSpans = (result: ReadResult): Span[] =>
  result.todo.filter((s) => s.failure);

/** A failed part as an ApiError (code, message, RequestId), for views that show one error. */
export function spanError(span: Span): ApiError {
  const f = span.failure;
  return new ApiError({
    code: f?.code ?? "ReaderError",
    message: f?.message ?? t`This part of the search was not read.`,
    status: f?.status ?? 0,
    requestId: f?.requestId,
    action: "LookupEvents",
    region: span.region,
  });
}

/** Regions with at least one failed part. */
export const failedRegions = (result: ReadResult): string[] => [
  ...new Set(failedSpans(result).map((s) => s.region)),
];

/**
 * The time down to which every region has read everything: events newer than
 * it are complete across the scope; older ones may have holes beside them.
 * `-Infinity` when the read is complete.
 */
export function watermark(result: ReadResult): number {
  let mark = -Infinity;
  for (const s of result.todo) mark = Math.max(mark, s.endMs);
  return mark;
}

/** The missing parts per region, adjacent spans joined, newest first. */
export function missingSpans(
  result: ReadResult,
): { region: string; startMs: number; endMs: number; failure?: ReadFailure }[] {
  const byRegion = new Map<string, Span[]>();
  for (const s of result.todo)
    byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s]);
  const out: {
    region: string;
    startMs: number;
    endMs: number;
    failure?: ReadFailure;
  }[] = [];
  for (const [region, spans] of byRegion) {
    const sorted = [...spans].sort((a, b) => b.endMs - a.endMs);
    for (const s of sorted) {
      const last = out.at(-1);
      if (
        last &&
        last.region === region &&
        Boolean(last.failure) === Boolean(s.failure) &&
        s.endMs >= last.startMs - 1000
      ) {
        last.startMs = Math.min(last.startMs, s.startMs);
        continue;
      }
      out.push({
        region,
        startMs: s.startMs,
        endMs: s.endMs,
        ...(s.failure ? { failure: s.failure } : {}),
      });
    }
  }
  return out;
}
