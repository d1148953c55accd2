/** The console's languages: one message catalog each (src/locales). */
export const LOCALES = ["zh-CN", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/**
 * The first choice of language, from the browser's preferred languages
 * (`navigator.languages`): the first of them that is Chinese or English
 * decides; anything else falls back to English.
 */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const language of languages ?? []) {
    const lower = language.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en-US";
  }
  return "en-US";
}
