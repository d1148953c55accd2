import { z } from "zod";

/** A query saved in this browser, with a name and a note. */
export const savedQuerySchema = z.object({
  name: z.string().min(1).max(200),
  note: z.string().max(2000).default(""),
  sql: z.string().min(1).max(100_000),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;

const KEY = "trailscope.query.saved";

export function readSaved(): SavedQuery[] {
  try {
    const parsed = z
      .array(savedQuerySchema)
      .safeParse(JSON.parse(localStorage.getItem(KEY) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function writeSaved(items: readonly SavedQuery[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
}

/** Reads an exported file; undefined when it is not a list of saved queries. */
export function parseSavedFile(text: string): SavedQuery[] | undefined {
  try {
    const parsed = z.array(savedQuerySchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Adds or replaces (by name). */
export const withSaved = (
  items: readonly SavedQuery[],
  add: readonly SavedQuery[],
): SavedQuery[] => [
  ...items.filter((i) => !add.some((a) => a.name === i.name)),
  ...add,
];

/** The link that opens a query on the Query page. */
export const queryHref = (sql: string): string =>
  `/query?${new URLSearchParams({ q: sql }).toString()}`;
