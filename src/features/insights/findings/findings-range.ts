import { t } from "@lingui/core/macro";
import { z } from "zod";
import { MAX_LOOKBACK_MS, type TimeWindow } from "@/api/time-window";
import { DAY, toApiTime } from "@/lib/time";

/** The preset ranges, in days up to now. */
export const FINDINGS_PRESETS = [1, 7, 30, 90] as const;
export type FindingsPreset = (typeof FINDINGS_PRESETS)[number];
export const DEFAULT_PRESET: FindingsPreset = 7;

/** What the findings view keeps in its URL: a preset (`days=30`) or an absolute range (`from`, `to`: UTC ISO, both ends included). */
export type FindingsRange =
  | { kind: "preset"; days: FindingsPreset }
  | { kind: "absolute"; from: string; to: string };

const iso = z
  .string()
  .max(40)
  .refine((v) => Number.isFinite(Date.parse(v)));

/** The range in the URL; an absolute one wins over `days` when both ends are valid times. */
export function parseFindingsRange(params: URLSearchParams): FindingsRange {
  const from = iso.safeParse(params.get("from"));
  const to = iso.safeParse(params.get("to"));
  if (from.success && to.success)
    return { kind: "absolute", from: from.data, to: to.data };
  const n = Number(params.get("days"));
  const days = (FINDINGS_PRESETS as readonly number[]).includes(n)
    ? (n as FindingsPreset)
    : DEFAULT_PRESET;
  return { kind: "preset", days };
}

/** The URL parameters of a range, the default stripped. */
export function rangeParams(
  params: URLSearchParams,
  range: FindingsRange,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ["days", "from", "to"]) next.delete(key);
  if (range.kind === "absolute") {
    next.set("from", range.from);
    next.set("to", range.to);
  } else if (range.days !== DEFAULT_PRESET) {
    next.set("days", String(range.days));
  }
  return next;
}

/** The window a range names; a preset ends at `end` (the view's "now", to the minute). */
export function findingsWindow(range: FindingsRange, end: number): TimeWindow {
  if (range.kind === "absolute")
    return { startMs: Date.parse(range.from), endMs: Date.parse(range.to) };
  return { startMs: end - range.days * DAY, endMs: end };
}

export interface RangeRules {
  /** The console reads a loaded events file: the service's 90 days do not bound it. */
  ownData?: boolean | undefined;
  /** Trail archives are imported into this browser: older parts are read from them. */
  archives?: boolean | undefined;
}

/** Why a window cannot be examined, said as what to change; undefined when it can. */
export function findingsRangeProblem(
  window: TimeWindow,
  now: number,
  rules: RangeRules = {},
): string | undefined {
  const { startMs, endMs } = window;
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || endMs <= startMs)
    return t`The end is not after the start. Choose an end later than the start.`;
  if (startMs > now)
    return t`The start is in the future. Choose a start before now.`;
  if (!rules.ownData && !rules.archives && startMs < now - MAX_LOOKBACK_MS) {
    const days = Math.ceil((now - startMs) / DAY);
    const earliest = toApiTime(now - MAX_LOOKBACK_MS + DAY);
    return t`ActionTrail keeps events for 90 days: the start is ${days} days back. Choose a start after ${earliest}, or import the trail's archive (Settings) to look further back.`;
  }
  return undefined;
}

/**
 * Where the reader takes events older than the service's 90 days from: the
 * imported archives, an hour inside the service's reach (time passes while
 * a read goes on). Undefined when the window needs no archive.
 */
export function archiveBefore(
  window: TimeWindow,
  now: number,
  rules: RangeRules,
): number | undefined {
  const before = now - MAX_LOOKBACK_MS + 3_600_000;
  return rules.archives && !rules.ownData && window.startMs < before
    ? before
    : undefined;
}
