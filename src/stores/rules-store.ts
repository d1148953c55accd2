import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

/**
 * A Sigma rule the user added (pasted or imported): its id and the YAML as
 * it was given, compiled again wherever rules run (the detections worker,
 * the rules screen), so an export gives back exactly what was added.
 */
export interface UserRule {
  id: string;
  yaml: string;
  /** ISO time it was added. */
  addedAt: string;
}

interface RulesState {
  /** Rules the user added, in the order they were added. */
  userRules: UserRule[];
  /** IDs of rules (shipped or the user's) and detectors switched off. */
  disabled: string[];
  /** Adds rules; a rule with an id already added replaces the older one. */
  addRules: (rules: readonly UserRule[]) => void;
  removeRule: (id: string) => void;
  setEnabled: (id: string, enabled: boolean) => void;
}

/**
 * The detection rules' settings, kept in this browser (localStorage): the
 * user's own Sigma rules and which rules are switched off. The shipped pack
 * itself lives in src/lib/sigma/rules.
 */
export const useRulesStore = create<RulesState>()(
  persist(
    (set) => ({
      userRules: [],
      disabled: [],
      addRules: (rules) =>
        set((state) => {
          const ids = new Set(rules.map((r) => r.id));
          return {
            userRules: [
              ...state.userRules.filter((r) => !ids.has(r.id)),
              ...rules,
            ],
          };
        }),
      removeRule: (id) =>
        set((state) => ({
          userRules: state.userRules.filter((r) => r.id !== id),
          disabled: state.disabled.filter((d) => d !== id),
        })),
      setEnabled: (id, enabled) =>
        set((state) => ({
          disabled: enabled
            ? state.disabled.filter((d) => d !== id)
            : state.disabled.includes(id)
              ? state.disabled
              : [...state.disabled, id],
        })),
    }),
    {
      name: "trailscope.rules",
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);
