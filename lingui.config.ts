import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";

/**
 * Trailscope's message catalogs (docs/i18n.md): English is the source
 * language, written in the code with Lingui's macros; `npm run i18n:extract`
 * collects the messages into src/locales/{locale}.po, where the Chinese
 * translations are kept. Origins without line numbers keep diffs small.
 */
export default defineConfig({
  sourceLocale: "en-US",
  locales: ["en-US", "zh-CN"],
  fallbackLocales: false,
  catalogs: [
    {
      path: "<rootDir>/src/locales/{locale}",
      include: ["<rootDir>/src"],
      exclude: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**"],
    },
  ],
  orderBy: "message",
  format: formatter({ lineNumbers: false }),
});
