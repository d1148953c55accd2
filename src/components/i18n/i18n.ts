import { i18n, type Messages } from "@lingui/core";
import type { Locale } from "@/lib/locale";

/**
 * The catalogs, compiled at build time from the .po files by
 * @lingui/vite-plugin (no ICU parser at run time, nothing evaluated). Each
 * language of each catalog is its own chunk, loaded when needed: the shell's
 * at start, a feature's with its route (registerCatalog).
 */
export type CatalogLoaders = Record<
  Locale,
  () => Promise<{ messages: Messages }>
>;

const catalogs = new Map<string, CatalogLoaders>([
  [
    "shell",
    {
      "en-US": () => import("@/locales/en-US.po"),
      "zh-CN": () => import("@/locales/zh-CN.po"),
    },
  ],
]);

async function loadAll(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(
    [...catalogs.values()].map((loaders) => loaders[locale]()),
  );
  return Object.assign({}, ...parts.map((part) => part.messages)) as Messages;
}

let requested: Locale | undefined;

/**
 * Loads a language's catalogs and makes it the console's language; the
 * document's `lang` follows. When the choice changes while catalogs are
 * still loading, the last choice wins.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  requested = locale;
  if (i18n.locale !== locale) {
    const messages = await loadAll(locale);
    if (requested !== locale) return;
    i18n.loadAndActivate({ locale, messages });
  }
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

/**
 * A feature's catalog, registered (and loaded for the language in effect)
 * before its screens render; later language changes load it too.
 */
export async function registerCatalog(
  name: string,
  loaders: CatalogLoaders,
): Promise<void> {
  const fresh = !catalogs.has(name);
  catalogs.set(name, loaders);
  const locale = i18n.locale as Locale | "";
  if (fresh && locale) {
    const { messages } = await loaders[locale]();
    i18n.load(locale, messages);
  }
}

export { i18n };
