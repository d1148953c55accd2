import { create } from "zustand";
import type { RetryInfo } from "@/api/client";

/**
 * Transient: the last time the client retried a throttled or failed
 * LookupEvents, so the screen can say "retrying" while keeping what it shows.
 */
interface RetryNoticeState {
  last?:
    { region: string; code: string; attempt: number; at: number } | undefined;
  note: (info: RetryInfo) => void;
  clear: () => void;
}

export const useRetryNotice = create<RetryNoticeState>()((set) => ({
  last: undefined,
  note: (info) =>
    set({
      last: {
        region: info.region,
        code: info.error.code,
        attempt: info.attempt,
        at: Date.now(),
      },
    }),
  clear: () => set({ last: undefined }),
}));

export const noteRetry = (info: RetryInfo): void =>
  useRetryNotice.getState().note(info);
