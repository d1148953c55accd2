/**
 * What an imported archive holds, per region and day, and where it has
 * holes: the coverage calendar of an archive. A day is "held" when at least
 * one delivery file for it was imported. ActionTrail writes a file about
 * every five minutes while there is activity, so a day with activity has up
 * to 288 files; a day without a file inside the archive's span is a gap,
 * named plainly ("no file for cn-shanghai from 2026-06-03 to 2026-06-05").
 */
export interface ArchiveFileFacts {
  region: string;
  /** `YYYY-MM-DD` (the delivery folder's day). */
  day: string;
  events: number;
  /** The name's `YYYYMMDDHHMMSS` delivery stamp, when it has one. */
  stamp?: string | undefined;
  /** The events the file's name says it holds, when it says so. */
  declaredEvents?: number | undefined;
}

export interface CoverageDay {
  day: string;
  files: number;
  events: number;
}

/**
 * The longest time without a delivery between two files of one day. Files
 * arrive about every five minutes while there is activity, so a long silence
 * on a day that has files is either a quiet spell or missing deliveries: the
 * archive cannot tell which, and says so.
 */
export interface Silence {
  day: string;
  /** `HH:MM` of the files either side, as their names write them. */
  from: string;
  to: string;
  minutes: number;
}

/** Files holding fewer or more events than their names declare. */
export interface CountMismatch {
  files: number;
  /** Declared minus read, over those files (positive: events missing). */
  missing: number;
}

export interface RegionCoverage {
  region: string;
  /** First and last day with a file. */
  first: string;
  last: string;
  /** Every day from first to last, files 0 where nothing was imported. */
  days: CoverageDay[];
  gaps: Gap[];
  files: number;
  events: number;
  /** Days that have files: at one file per five minutes, up to 288 each. */
  activeDays: number;
  /** The longest silence between two files of a day, if any day has two. */
  longestSilence?: Silence | undefined;
  /** Where names declare event counts that the files do not hold. */
  mismatch?: CountMismatch | undefined;
}

export interface Gap {
  region: string;
  from: string;
  to: string;
  /** Days in the gap (both ends included). */
  days: number;
}

/** Files a fully active day can hold at one file per five minutes. */
export const FILES_PER_ACTIVE_DAY = 288;

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let at = dayMs(from); at <= dayMs(to); at += DAY_MS)
    out.push(dayText(at));
  return out;
}

/**
 * The coverage of each region, sorted by region. `span` widens the calendar
 * (e.g. to the range the auditor asked for): days before the first file or
 * after the last are then gaps too.
 */
export function archiveCoverage(
  files: Iterable<ArchiveFileFacts>,
  span?: { from: string; to: string },
): RegionCoverage[] {
  const byRegion = new Map<string, Map<string, CoverageDay>>();
  const stamps = new Map<string, Map<string, string[]>>();
  const mismatches = new Map<string, CountMismatch>();
  for (const file of files) {
    let days = byRegion.get(file.region);
    if (!days)
      byRegion.set(file.region, (days = new Map<string, CoverageDay>()));
    const day = days.get(file.day) ?? { day: file.day, files: 0, events: 0 };
    day.files += 1;
    day.events += file.events;
    days.set(file.day, day);
    if (file.stamp && STAMP.test(file.stamp)) {
      let byDay = stamps.get(file.region);
      if (!byDay)
        stamps.set(file.region, (byDay = new Map<string, string[]>()));
      byDay.set(file.day, [...(byDay.get(file.day) ?? []), file.stamp]);
    }
    if (
      file.declaredEvents !== undefined &&
      file.declaredEvents !== file.events
    ) {
      const m = mismatches.get(file.region) ?? { files: 0, missing: 0 };
      m.files += 1;
      m.missing += file.declaredEvents - file.events;
      mismatches.set(file.region, m);
    }
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, held]) => {
      const sorted = [...held.keys()].sort();
      const first = sorted[0]!;
      const last = sorted.at(-1)!;
      const from = span && span.from < first ? span.from : first;
      const to = span && span.to > last ? span.to : last;
      const days = daysBetween(from, to).map(
        (day) => held.get(day) ?? { day, files: 0, events: 0 },
      );
      return {
        region,
        first,
        last,
        days,
        gaps: gapsOf(region, days),
        files: days.reduce((n, d) => n + d.files, 0),
        events: days.reduce((n, d) => n + d.events, 0),
        activeDays: held.size,
        longestSilence: longestSilence(stamps.get(region)),
        mismatch: mismatches.get(region),
      };
    });
}

/** Runs of days without a file. */
export function gapsOf(region: string, days: readonly CoverageDay[]): Gap[] {
  const gaps: Gap[] = [];
  let start: string | undefined;
  let length = 0;
  days.forEach((d, i) => {
    if (d.files === 0) {
      start ??= d.day;
      length += 1;
    }
    if (start && (d.files > 0 || i === days.length - 1)) {
      const end = d.files > 0 ? days[i - 1]!.day : d.day;
      gaps.push({ region, from: start, to: end, days: length });
      start = undefined;
      length = 0;
    }
  });
  return gaps;
}

const STAMP = /^\d{14}$/;
/** A `YYYYMMDDHHMMSS` stamp in minutes, zone-less (only differences are used). */
const minuteOf = (stamp: string) =>
  Date.UTC(
    Number(stamp.slice(0, 4)),
    Number(stamp.slice(4, 6)) - 1,
    Number(stamp.slice(6, 8)),
    Number(stamp.slice(8, 10)),
    Number(stamp.slice(10, 12)),
  ) / 60_000;
const clock = (stamp: string) => `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}`;

/**
 * The longest silence between consecutive files of the same day. Stamps are
 * compared as written (the documentation names no zone; both ends share it).
 */
export function longestSilence(
  byDay: ReadonlyMap<string, readonly string[]> | undefined,
): Silence | undefined {
  let longest: Silence | undefined;
  for (const [day, list] of byDay ?? []) {
    const sorted = [...list].sort();
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!;
      const b = sorted[i]!;
      const minutes = minuteOf(b) - minuteOf(a);
      if (minutes > (longest?.minutes ?? 0))
        longest = { day, from: clock(a), to: clock(b), minutes };
    }
  }
  return longest;
}
