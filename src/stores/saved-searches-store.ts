import { z } from "zod";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import { RANGE_PRESETS } from "@/lib/event-search-url";

/**
 * Event searches the user saved, kept in this browser (localStorage): the
 * conditions, the range (relative, or frozen at the window that was read),
 * the region, the order and the columns shown, with a name and a note.
 * Everything read back (storage, an imported file) is checked with zod; an
 * entry that does not parse is dropped and counted, so the menu can say so.
 */

const isoTime = z
  .string()
  .max(40)
  .refine((value) => Number.isFinite(Date.parse(value)), "not a time");

const conditionSchema = z.object({
  key: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z]+$/),
  value: z.string().min(1).max(2000),
});

export const savedSearchSchema = z.object({
  name: z.string().trim().min(1).max(200),
  note: z.string().max(2000).default(""),
  /** A region ID, or `all`. */
  region: z
    .string()
    .max(64)
    .regex(/^(all|[a-z]{2,3}(-[a-z0-9]+){1,3})$/),
  range: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("relative"), preset: z.enum(RANGE_PRESETS) }),
    z.object({ kind: z.literal("frozen"), from: isoTime, to: isoTime }),
  ]),
  rw: z.enum(["Read", "Write"]).optional(),
  filters: z.array(conditionSchema).max(50).default([]),
  exclude: z.array(conditionSchema).max(50).default([]),
  refine: z.string().max(2000).default(""),
  /** The table's order as the URL writes it (`user.asc`); absent: newest first. */
  sort: z.string().max(40).optional(),
  /** The columns shown, in order; absent: the table's own choice. */
  columns: z.array(z.string().min(1).max(300)).max(200).optional(),
  savedAt: isoTime,
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** The exported file: a tagged envelope, so another JSON file is refused by name. */
export const SAVED_SEARCHES_FORMAT = "trailscope.saved-searches";
const MAX_FILE_CHARS = 5_000_000;

/** Parses a list item by item: what parses is kept, the rest counted. */
export function parseSavedList(items: unknown): {
  searches: SavedSearch[];
  dropped: number;
} {
  if (!Array.isArray(items)) return { searches: [], dropped: 0 };
  const searches: SavedSearch[] = [];
  let dropped = 0;
  for (const item of items) {
    const parsed = savedSearchSchema.safeParse(item);
    if (parsed.success) searches.push(parsed.data);
    else dropped++;
  }
  return { searches, dropped };
}

export type ImportRefusal = "too-large" | "not-json" | "not-saved-searches";

export type ParsedFile =
  | { ok: true; searches: SavedSearch[]; dropped: number }
  | { ok: false; reason: ImportRefusal };

/** Reads an exported file (the envelope, or a bare list of saved searches). */
export function parseSavedSearchFile(text: string): ParsedFile {
  if (text.length > MAX_FILE_CHARS) return { ok: false, reason: "too-large" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not-json" };
  }
  const envelope = z
    .object({
      format: z.literal(SAVED_SEARCHES_FORMAT),
      searches: z.array(z.unknown()),
    })
    .safeParse(json);
  const list = envelope.success
    ? envelope.data.searches
    : Array.isArray(json)
      ? json
      : undefined;
  if (!list) return { ok: false, reason: "not-saved-searches" };
  const { searches, dropped } = parseSavedList(list);
  if (list.length > 0 && searches.length === 0)
    return { ok: false, reason: "not-saved-searches" };
  return { ok: true, searches, dropped };
}

/** The export file's text. */
export const savedSearchesFile = (searches: readonly SavedSearch[]): string =>
  JSON.stringify(
    { format: SAVED_SEARCHES_FORMAT, version: 1, searches },
    null,
    2,
  );

/** Two saved searches say the same thing (their save time aside). */
const sameSearch = (a: SavedSearch, b: SavedSearch): boolean =>
  JSON.stringify({ ...a, savedAt: "" }) ===
  JSON.stringify({ ...b, savedAt: "" });

/** `name (2)`, `name (3)`…: the first name not taken. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface ImportOutcome {
  added: number;
  /** Already saved, identical: not added twice. */
  identical: number;
  /** Same name, different search: kept under a new name. */
  renamed: { from: string; to: string }[];
}

/** Adds imported searches without losing any already saved. */
export function mergeImported(
  existing: readonly SavedSearch[],
  incoming: readonly SavedSearch[],
): { searches: SavedSearch[]; outcome: ImportOutcome } {
  const searches = [...existing];
  const outcome: ImportOutcome = { added: 0, identical: 0, renamed: [] };
  for (const item of incoming) {
    const same = searches.find((s) => s.name === item.name);
    if (same && sameSearch(same, item)) {
      outcome.identical++;
      continue;
    }
    const name = freeName(item.name, new Set(searches.map((s) => s.name)));
    if (name !== item.name) outcome.renamed.push({ from: item.name, to: name });
    searches.push({ ...item, name });
    outcome.added++;
  }
  return { searches, outcome };
}

interface SavedSearchesState {
  searches: SavedSearch[];
  /** Entries found in storage that did not parse and were dropped (for a note). */
  dropped: number;
  /** Saves a search; one with the same name is replaced. */
  save: (search: SavedSearch) => void;
  /** False when the new name is taken by another saved search. */
  rename: (from: string, to: string, note: string) => boolean;
  remove: (name: string) => void;
  importSearches: (incoming: readonly SavedSearch[]) => ImportOutcome;
  dismissDropped: () => void;
}

export const useSavedSearchesStore = create<SavedSearchesState>()(
  persist(
    (set, get) => ({
      searches: [],
      dropped: 0,
      save: (search) =>
        set((state) => {
          const at = state.searches.findIndex((s) => s.name === search.name);
          if (at < 0) return { searches: [...state.searches, search] };
          const searches = [...state.searches];
          searches[at] = search;
          return { searches };
        }),
      rename: (from, to, note) => {
        const name = to.trim();
        if (!name) return false;
        if (name !== from && get().searches.some((s) => s.name === name))
          return false;
        set((state) => ({
          searches: state.searches.map((s) =>
            s.name === from ? { ...s, name, note } : s,
          ),
        }));
        return true;
      },
      remove: (name) =>
        set((state) => ({
          searches: state.searches.filter((s) => s.name !== name),
        })),
      importSearches: (incoming) => {
        const { searches, outcome } = mergeImported(get().searches, incoming);
        set({ searches });
        return outcome;
      },
      dismissDropped: () => set({ dropped: 0 }),
    }),
    {
      name: "trailscope.saved-searches",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ searches: state.searches }),
      // What comes back from storage is checked like an imported file.
      merge: (persisted, current) => {
        const raw =
          persisted && typeof persisted === "object" && "searches" in persisted
            ? persisted.searches
            : [];
        const { searches, dropped } = parseSavedList(raw);
        return { ...current, searches, dropped };
      },
    },
  ),
);
