import type { FindingTriage } from "@/stores/findings-store";
import type { Finding } from "./group-findings";

export type Triage = FindingTriage;

export interface TriagedFinding {
  finding: Finding;
  /** The decision still in force; undefined when open (or reopened by newer activity). */
  triage: Triage | undefined;
}

/**
 * Findings with their decisions. A decision covers the activity seen when it
 * was taken: a finding with newer activity is open again. Decided findings
 * are hidden unless `showDecided`; `hidden` counts them.
 */
export function applyTriage(
  findings: readonly Finding[],
  decisions: Readonly<Record<string, Triage>>,
  showDecided: boolean,
): { visible: TriagedFinding[]; hidden: number } {
  const visible: TriagedFinding[] = [];
  let hidden = 0;
  for (const finding of findings) {
    const decision = Object.hasOwn(decisions, finding.key)
      ? decisions[finding.key]
      : undefined;
    const triage =
      decision && finding.lastMs <= decision.lastMs ? decision : undefined;
    if (triage && !showDecided) hidden++;
    else visible.push({ finding, triage });
  }
  return { visible, hidden };
}
