import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { pickLocale, type Locale } from "@/lib/locale";
import type { TimeZonePref } from "@/lib/time";

export type { Locale, TimeZonePref };

export type Theme = "light" | "dark" | "system";
export type Density = "comfortable" | "compact";
/** What a histogram's bars stack: nothing, read/write, or success/error. */
export type HistogramStack = "none" | "rw" | "result";

/** Column layout of one table, remembered across visits. */
export interface TablePrefs {
  order: string[];
  hidden: string[];
  widths: Record<string, number>;
}

interface PrefsState {
  theme: Theme;
  /** The console's language; the first choice follows the browser's. */
  locale: Locale;
  /** Browser zone, UTC or Beijing time: an explicit choice. */
  timeZone: TimeZonePref;
  density: Density;
  /** The region last chosen, used when a URL names none. */
  lastRegion: string;
  tables: Record<string, TablePrefs>;
  /** Width of the View event pane beside the results, in CSS pixels. */
  eventPaneWidth: number;
  /** The event search's histogram: shown or folded away, and what its bars stack. */
  eventHistogram: { open: boolean; stack: HistogramStack };
  setTheme: (theme: Theme) => void;
  setLocale: (locale: Locale) => void;
  setTimeZone: (timeZone: TimeZonePref) => void;
  setDensity: (density: Density) => void;
  setLastRegion: (region: string) => void;
  setTablePrefs: (tableId: string, prefs: Partial<TablePrefs>) => void;
  resetTablePrefs: (tableId: string) => void;
  setEventPaneWidth: (width: number) => void;
  setEventHistogram: (prefs: Partial<PrefsState["eventHistogram"]>) => void;
}

export const DEFAULT_REGION = "cn-hangzhou";

/** The View event pane's width limits, in CSS pixels (the pane also never takes more than the page allows). */
export const EVENT_PANE_WIDTH = { min: 320, initial: 480, max: 1600 };

/** The user's preferences: one store, persisted in localStorage. */
export const usePrefsStore = create<PrefsState>()(
  persist(
    (set) => ({
      theme: "system",
      locale: pickLocale(
        typeof navigator === "undefined" ? undefined : navigator.languages,
      ),
      timeZone: "local",
      density: "comfortable",
      lastRegion: DEFAULT_REGION,
      tables: {},
      eventPaneWidth: EVENT_PANE_WIDTH.initial,
      eventHistogram: { open: true, stack: "none" },
      setTheme: (theme) => set({ theme }),
      setLocale: (locale) => set({ locale }),
      setTimeZone: (timeZone) => set({ timeZone }),
      setDensity: (density) => set({ density }),
      setLastRegion: (lastRegion) => set({ lastRegion }),
      setTablePrefs: (tableId, prefs) =>
        set((state) => {
          const current = state.tables[tableId] ?? {
            order: [],
            hidden: [],
            widths: {},
          };
          return {
            tables: { ...state.tables, [tableId]: { ...current, ...prefs } },
          };
        }),
      resetTablePrefs: (tableId) =>
        set((state) => {
          const tables = { ...state.tables };
          delete tables[tableId];
          return { tables };
        }),
      setEventPaneWidth: (width) =>
        set({
          eventPaneWidth: Math.round(
            Math.min(
              EVENT_PANE_WIDTH.max,
              Math.max(EVENT_PANE_WIDTH.min, width),
            ),
          ),
        }),
      setEventHistogram: (prefs) =>
        set((state) => ({
          eventHistogram: { ...state.eventHistogram, ...prefs },
        })),
    }),
    {
      name: "trailscope.prefs",
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);
