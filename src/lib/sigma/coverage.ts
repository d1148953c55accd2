import {
  TACTICS,
  TECHNIQUE_TACTICS,
  TECHNIQUES,
  tacticsOf,
  techniquesOf,
} from "./attack";

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
 * The tactics a source's technique counts under: those of its tags that the
 * technique belongs to; if none, the technique's own tactics; for a technique
 * Trailscope does not know, all the source's tactics (Sigma tags do not pair
 * techniques with tactics).
 */
function placements(source: CoverageSource): Map<string, Set<string>> {
  const own = tacticsOf(source.tags).map((t) => t.slug);
  const byTactic = new Map<string, Set<string>>();
  const add = (tactic: string, technique: string | undefined) => {
    const set = byTactic.get(tactic) ?? new Set<string>();
    if (technique) set.add(technique);
    byTactic.set(tactic, set);
  };
  for (const tactic of own) add(tactic, undefined);
  for (const technique of techniquesOf(source.tags)) {
    const known = TECHNIQUE_TACTICS[technique];
    const shared = known ? own.filter((t) => known.includes(t)) : own;
    for (const tactic of shared.length ? shared : (known ?? []))
      add(tactic, technique);
  }
  return byTactic;
}

/**
 * The ATT&CK tactics and techniques the given rules and detectors cover, in
 * matrix order, each with the hits of the sources under it (a source's hits
 * count once per tactic and once per technique). Tactics nothing covers are
 * left out.
 */
export function coverage(sources: readonly CoverageSource[]): TacticCoverage[] {
  const placed = sources.map((source) => ({ source, at: placements(source) }));
  return TACTICS.flatMap((tactic) => {
    const under = placed.filter((p) => p.at.has(tactic.slug));
    if (under.length === 0) return [];
    const techniqueIds = [
      ...new Set(under.flatMap((p) => [...p.at.get(tactic.slug)!])),
    ].sort();
    return [
      {
        id: tactic.id,
        name: tactic.name,
        sources: under.map((p) => p.source.title),
        hits: under.reduce((n, p) => n + p.source.hits, 0),
        techniques: techniqueIds.map((id) => {
          const using = under.filter((p) => p.at.get(tactic.slug)!.has(id));
          return {
            id,
            name: TECHNIQUES[id] ?? id,
            sources: using.map((p) => p.source.title),
            hits: using.reduce((n, p) => n + p.source.hits, 0),
          };
        }),
      },
    ];
  });
}

export interface MatrixTechnique extends TechniqueCoverage {
  covered: boolean;
}

export interface MatrixTactic {
  id: string;
  name: string;
  covered: boolean;
  hits: number;
  techniques: MatrixTechnique[];
}

/**
 * Every v19 tactic with the techniques Trailscope knows under it, covered or
 * not: the coverage of the given sources plus the gaps, in matrix order.
 */
export function coverageMatrix(
  sources: readonly CoverageSource[],
): MatrixTactic[] {
  const covered = new Map(coverage(sources).map((t) => [t.id, t]));
  return TACTICS.map((tactic) => {
    const have = covered.get(tactic.id);
    const known = Object.keys(TECHNIQUE_TACTICS).filter((id) =>
      TECHNIQUE_TACTICS[id]!.includes(tactic.slug),
    );
    const seen = new Set(have?.techniques.map((t) => t.id));
    const gaps = known
      .filter((id) => !seen.has(id))
      .map((id) => ({
        id,
        name: TECHNIQUES[id] ?? id,
        sources: [],
        hits: 0,
        covered: false,
      }));
    const techniques = [
      ...(have?.techniques.map((t) => ({ ...t, covered: true })) ?? []),
      ...gaps,
    ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      id: tactic.id,
      name: tactic.name,
      covered: Boolean(have),
      hits: have?.hits ?? 0,
      techniques,
    };
  });
}
