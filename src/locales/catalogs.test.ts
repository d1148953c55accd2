import { getConfig } from "@lingui/conf";
import { getCatalogs } from "@lingui/cli/api";
import { describe, expect, it } from "vitest";

/**
 * The catalogs are complete: every message the code uses (extracted from the
 * sources now, as `npm run i18n:extract` would) is in both catalogs, zh-CN
 * translates each of them, and neither keeps messages the code no longer uses.
 * A missing key fails here instead of falling back silently at run time.
 */
describe("the message catalogs", () => {
  it("hold every message of the code, translated in zh-CN and en-US", async () => {
    const config = getConfig({ cwd: process.cwd() });
    const [catalog] = await getCatalogs(config);
    expect(catalog).toBeDefined();
    const extracted = (await catalog!.collect()) ?? {};
    const used = Object.keys(extracted).sort();
    expect(used.length).toBeGreaterThan(0);

    for (const locale of ["en-US", "zh-CN"]) {
      const messages = (await catalog!.read(locale)) ?? {};
      const kept = Object.keys(messages).filter(
        (id) => !messages[id]?.obsolete,
      );
      const notExtracted = used.filter((id) => !(id in messages));
      expect(
        notExtracted.map((id) => extracted[id]?.message ?? id),
        `${locale}: messages in the code but not in src/locales/${locale}.po — run npm run i18n:extract`,
      ).toEqual([]);
      const stale = kept.filter((id) => !(id in extracted));
      expect(
        stale.map((id) => messages[id]?.message ?? id),
        `${locale}: messages no longer in the code — run npm run i18n:extract`,
      ).toEqual([]);
    }

    const zh = (await catalog!.read("zh-CN")) ?? {};
    const untranslated = used.filter((id) => !zh[id]?.translation?.trim());
    expect(
      untranslated.map((id) => extracted[id]?.message ?? id),
      "zh-CN: messages without a Chinese translation in src/locales/zh-CN.po",
    ).toEqual([]);
  });
});
