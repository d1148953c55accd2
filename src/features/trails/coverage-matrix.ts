import type { Trail } from "@/api/schemas/trail";
import {
  coversAllRegions,
  destinationsOf,
  type Destination,
} from "./trail-format";

export type CoverageRW = "Read" | "Write";
export const COVERAGE_RW: readonly CoverageRW[] = ["Read", "Write"];

export interface CoverageCell {
  region: string;
  rw: CoverageRW;
  /** Trails that are logging (Status Enable) and record this region and event type. */
  recording: Trail[];
  /** Trails that would record it but are not logging (Fresh or Disable). */
  idle: Trail[];
  /** Where the recorded events go (union over the recording trails). */
  destinations: Destination[];
  /** Something actually records it. */
  covered: boolean;
}

export interface CoverageRow {
  region: string;
  cells: Record<CoverageRW, CoverageCell>;
}

export interface CoverageMatrix {
  rows: CoverageRow[];
  /** Every region × event type nothing records, in row order. */
  gaps: CoverageCell[];
}

const DESTINATION_ORDER: Destination[] = ["OSS", "Log Service", "MaxCompute"];

export const trailRecordsRegion = (trail: Trail, region: string): boolean =>
  coversAllRegions(trail) || trail.trailRegion === region;

export const trailRecordsRW = (trail: Trail, rw: CoverageRW): boolean =>
  trail.eventRW === "All" || trail.eventRW === rw;

/**
 * The trails of an account, each once: DescribeTrails from several regions
 * returns shadow copies of all-region trails; keep the home copy.
 */
export function uniqueTrails(lists: readonly (readonly Trail[])[]): Trail[] {
  const byName = new Map<string, Trail>();
  for (const list of lists) {
    for (const trail of list) {
      const key = `${trail.homeRegion}\u0000${trail.name}`;
      const known = byName.get(key);
      const isHome = !trail.region || trail.region === trail.homeRegion;
      if (!known || isHome) byName.set(key, trail);
    }
  }
  return [...byName.values()];
}

/**
 * What the account's trails record, per region and event type: an all-region
 * trail covers every region, EventRW All covers read and write, and only a
 * trail that is logging (Enable) records anything.
 */
export function buildCoverageMatrix(
  regions: readonly string[],
  trails: readonly Trail[],
): CoverageMatrix {
  const gaps: CoverageCell[] = [];
  const rows = regions.map((region) => {
    const cell = (rw: CoverageRW): CoverageCell => {
      const matching = trails.filter(
        (t) => trailRecordsRegion(t, region) && trailRecordsRW(t, rw),
      );
      const recording = matching.filter((t) => t.status === "Enable");
      const idle = matching.filter((t) => t.status !== "Enable");
      const found = new Set(recording.flatMap(destinationsOf));
      const result: CoverageCell = {
        region,
        rw,
        recording,
        idle,
        destinations: DESTINATION_ORDER.filter((d) => found.has(d)),
        covered: recording.length > 0,
      };
      if (!result.covered) gaps.push(result);
      return result;
    };
    return { region, cells: { Read: cell("Read"), Write: cell("Write") } };
  });
  return { rows, gaps };
}
