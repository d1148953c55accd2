import { z } from "zod";

export const OVERVIEW_RANGES = ["1h", "6h", "24h", "7d"] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];

export const RANGE_MS: Record<OverviewRange, number> = {
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 24 * 3_600_000,
};

/** What the insights page keeps in its URL (defaults stripped). */
export const insightsFiltersSchema = z.object({
  range: z.enum(OVERVIEW_RANGES).catch("24h"),
  stack: z.enum(["rw", "result"]).catch("rw"),
  field: z.string().max(40).catch("name"),
});
export type InsightsFilters = z.output<typeof insightsFiltersSchema>;

export const parseInsightsFilters = (
  params: URLSearchParams,
): InsightsFilters =>
  insightsFiltersSchema.parse({
    range: params.get("range") ?? undefined,
    stack: params.get("stack") ?? undefined,
    field: params.get("field") ?? undefined,
  });

export const DEFAULT_INSIGHTS_FILTERS: InsightsFilters = {
  range: "24h",
  stack: "rw",
  field: "name",
};
