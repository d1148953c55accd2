import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export type FindingDecision = "acknowledged" | "dismissed";

/** An analyst's decision on one finding, by the finding's stable key. */
export interface FindingTriage {
  state: FindingDecision;
  reason: string;
  /** When the decision was taken (epoch ms). */
  atMs: number;
  /** The newest activity the finding had when it was decided (epoch ms). */
  lastMs: number;
}

interface FindingsState {
  decisions: Record<string, FindingTriage>;
  decide: (key: string, triage: FindingTriage) => void;
  /** Opens a finding again. */
  reopen: (key: string) => void;
}

/** Acknowledged and dismissed findings, kept in this browser (localStorage). */
export const useFindingsStore = create<FindingsState>()(
  persist(
    (set) => ({
      decisions: {},
      decide: (key, triage) =>
        set((state) => ({ decisions: { ...state.decisions, [key]: triage } })),
      reopen: (key) =>
        set((state) => {
          const decisions = { ...state.decisions };
          delete decisions[key];
          return { decisions };
        }),
    }),
    {
      name: "trailscope.findings",
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);
