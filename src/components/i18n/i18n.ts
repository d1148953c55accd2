import { i18n, type Messages } from "@lingui/core";
import type { Locale } from "@/lib/locale";

/**
 * The catalogs, compiled at build time from src/locales/*.po by
 * @lingui/vite-plugin (no ICU parser at run time, nothing evaluated). Each
 * language is its own chunk, loaded when chosen.
 */
const catalogs: Record<Locale, () => Promise<{ messages: Messages }>> = {
  "en-US": () => import("@/locales/en-US.po"),
  "zh-CN": () => import("@/locales/zh-CN.po"),
};

/** Loads a language's catalog and makes it the console's language. */
let requested: Locale | undefined;

/**
 * Loads a language's catalog and makes it the console's language; the
 * document's `lang` follows. When the choice changes while a catalog is
 * still loading, the last choice wins.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  requested = locale;
  if (i18n.locale !== locale) {
    const { messages } = await catalogs[locale]();
    if (requested !== locale) return;
    i18n.loadAndActivate({ locale, messages });
  }
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

export { i18n };
