import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";

/**
 * Trailscope's message catalogs (docs/i18n.md): English is the source
 * language, written in the code with Lingui's macros; `npm run i18n:extract`
 * collects the messages into src/locales/{locale}.po, where the Chinese
 * translations are kept. Origins without line numbers keep diffs small.
 */
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"];
/** Lazily loaded features with their own catalog (src/features/<name>/locales). */
const FEATURES = [
  "trails",
  "events",
  "insights",
  "investigate",
  "archives",
  "alerts",
  "query",
];

export default defineConfig({
  sourceLocale: "en-US",
  locales: ["en-US", "zh-CN"],
  fallbackLocales: false,
  // One catalog for the shell and shared parts, loaded at start; one per
  // lazily loaded feature, loaded with its route (registerCatalog), so a
  // screen's words travel with its code and the initial JS stays small.
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}",
      include: ["<rootDir>/src"],
      exclude: [
        ...TESTS,
        ...FEATURES.map((f) => `<rootDir>/src/features/${f}/**`),
      ],
    },
    ...FEATURES.map((feature) => ({
      path: `<rootDir>/src/features/${feature}/locales/{locale}`,
      include: [`<rootDir>/src/features/${feature}`],
      exclude: TESTS,
    })),
  ],
  orderBy: "message",
  format: formatter({ lineNumbers: false }),
});
