import { getConfig } from "@lingui/conf";
import { getCatalogs } from "@lingui/cli/api";
import { describe, expect, it } from "vitest";

/**
 * The catalogs are complete: every message the code uses (extracted from the
 * sources now, as `npm run i18n:extract` would) is in both languages of its
 * catalog, zh-CN translates each of them, and no catalog keeps messages the
 * code no longer uses. A missing key fails here instead of falling back
 * silently at run time.
 */
describe("the message catalogs", () => {
  it("hold every message of the code, translated in zh-CN and en-US", async () => {
    const config = getConfig({ cwd: process.cwd() });
    const catalogs = await getCatalogs(config);
    expect(catalogs.length).toBeGreaterThan(1);
    for (const catalog of catalogs) {
      const where = catalog.path.replace(process.cwd(), "");
      const extracted = (await catalog.collect()) ?? {};
      const used = Object.keys(extracted).sort();
      expect(used.length, `${where}: no messages`).toBeGreaterThan(0);
      const text = (id: string) => extracted[id]?.message ?? id;

      for (const locale of ["en-US", "zh-CN"]) {
        const messages = (await catalog.read(locale)) ?? {};
        const kept = Object.keys(messages).filter(
          (id) => !messages[id]?.obsolete,
        );
        expect(
          used.filter((id) => !(id in messages)).map(text),
          `${where} ${locale}: messages in the code but not in the catalog — run npm run i18n:extract`,
        ).toEqual([]);
        expect(
          kept
            .filter((id) => !(id in extracted))
            .map((id) => messages[id]?.message ?? id),
          `${where} ${locale}: messages no longer in the code — run npm run i18n:extract`,
        ).toEqual([]);
      }

      const zh = (await catalog.read("zh-CN")) ?? {};
      expect(
        used.filter((id) => !zh[id]?.translation?.trim()).map(text),
        `${where} zh-CN: messages without a Chinese translation`,
      ).toEqual([]);
    }
  });
});
