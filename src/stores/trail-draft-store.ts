import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

export type DraftEventRW = "Write" | "Read" | "All";
export type WizardStep = "basics" | "delivery" | "review";

/** Everything a person types into the trail creation wizard, as typed. */
export interface TrailDraft {
  name: string;
  /** `All`, or one region ID. */
  trailRegion: string;
  eventRW: DraftEventRW;
  isOrganizationTrail: boolean;
  ossEnabled: boolean;
  /** `existing` picks a bucket the account has; `new` types a name. */
  ossBucketMode: "existing" | "new";
  ossBucketName: string;
  ossKeyPrefix: string;
  ossWriteRole: string;
  slsEnabled: boolean;
  slsProjectName: string;
  slsProjectRegion: string;
  slsWriteRole: string;
  /** Needed to build ARNs when the console does not know the account (live mode). */
  accountId: string;
  maxComputeEnabled: boolean;
  maxComputeProjectArn: string;
  maxComputeWriteRoleArn: string;
  startLogging: boolean;
}

export const emptyTrailDraft = (region: string): TrailDraft => ({
  name: "",
  trailRegion: "All",
  eventRW: "Write",
  isOrganizationTrail: false,
  ossEnabled: false,
  ossBucketMode: "existing",
  ossBucketName: "",
  ossKeyPrefix: "",
  ossWriteRole: "",
  slsEnabled: false,
  slsProjectName: "",
  slsProjectRegion: region,
  slsWriteRole: "",
  accountId: "",
  maxComputeEnabled: false,
  maxComputeProjectArn: "",
  maxComputeWriteRoleArn: "",
  startLogging: true,
});

interface TrailDraftState {
  /** The region the draft's trail is created in (its home region). */
  region: string | undefined;
  draft: TrailDraft | undefined;
  step: WizardStep;
  /** Starts a draft for a region unless one for that region is already under way. */
  ensureDraft: (region: string) => void;
  updateDraft: (patch: Partial<TrailDraft>) => void;
  setStep: (step: WizardStep) => void;
  discardDraft: () => void;
}

/**
 * The half-filled trail wizard, kept in sessionStorage: a reload, a detour to
 * another screen or a refused create loses nothing, and closing the tab forgets it.
 */
export const useTrailDraftStore = create<TrailDraftState>()(
  persist(
    (set, get) => ({
      region: undefined,
      draft: undefined,
      step: "basics",
      ensureDraft: (region) => {
        const state = get();
        if (state.draft && state.region === region) return;
        set({ region, draft: emptyTrailDraft(region), step: "basics" });
      },
      updateDraft: (patch) =>
        set((state) =>
          state.draft ? { draft: { ...state.draft, ...patch } } : {},
        ),
      setStep: (step) => set({ step }),
      discardDraft: () =>
        set({ region: undefined, draft: undefined, step: "basics" }),
    }),
    {
      name: "trailscope.trail-draft",
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: ({ region, draft, step }) => ({ region, draft, step }),
    },
  ),
);

/** Whether the draft holds anything a person typed (so discarding it needs a confirmation). */
export function isDraftTouched(
  draft: TrailDraft | undefined,
  region: string,
): boolean {
  if (!draft) return false;
  const empty = emptyTrailDraft(region);
  return (Object.keys(empty) as (keyof TrailDraft)[]).some(
    (key) => draft[key] !== empty[key],
  );
}
