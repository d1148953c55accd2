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
}

export interface CoverageDay {
  day: string;
  files: number;
  events: number;
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
  for (const file of files) {
    let days = byRegion.get(file.region);
    if (!days)
      byRegion.set(file.region, (days = new Map<string, CoverageDay>()));
    const day = days.get(file.day) ?? { day: file.day, files: 0, events: 0 };
    day.files += 1;
    day.events += file.events;
    days.set(file.day, day);
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
