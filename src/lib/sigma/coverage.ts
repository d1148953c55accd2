import { TACTICS, TECHNIQUES, tacticsOf, techniquesOf } from "./attack";

/** A rule or detector, with how many events it matched on the events looked at. */
export interface CoverageSource {
  id: string;
  title: string;
  tags: readonly string[];
  hits: number;
}

export interface TechniqueCoverage {
  id: string;
  /** The ATT&CK name, or the ID when Trailscope does not know it. */
  name: string;
  /** Titles of the rules and detectors tagged with it. */
  sources: string[];
  hits: number;
}

export interface TacticCoverage {
  id: string;
  name: string;
  sources: string[];
  hits: number;
  techniques: TechniqueCoverage[];
}

/**
 * The ATT&CK tactics and techniques the given rules and detectors cover, in
 * matrix order, each with the hits of the sources tagged with it. Sigma tags do
 * not pair techniques with tactics, so a source's techniques count under each
 * of its tactics. Tactics nothing covers are left out; hits of a source count
 * once per tactic and once per technique.
 */
export function coverage(sources: readonly CoverageSource[]): TacticCoverage[] {
  return TACTICS.flatMap((tactic) => {
    const tagged = sources.filter((s) =>
      tacticsOf(s.tags).some((t) => t.id === tactic.id),
    );
    if (tagged.length === 0) return [];
    const techniqueIds = [
      ...new Set(tagged.flatMap((s) => techniquesOf(s.tags))),
    ].sort();
    return [
      {
        id: tactic.id,
        name: tactic.name,
        sources: tagged.map((s) => s.title),
        hits: tagged.reduce((n, s) => n + s.hits, 0),
        techniques: techniqueIds.map((id) => {
          const using = tagged.filter((s) => techniquesOf(s.tags).includes(id));
          return {
            id,
            name: TECHNIQUES[id] ?? id,
            sources: using.map((s) => s.title),
            hits: using.reduce((n, s) => n + s.hits, 0),
          };
        }),
      },
    ];
  });
}
