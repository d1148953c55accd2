import { transformAsync } from "@babel/core";
import linguiMacro from "@lingui/babel-plugin-lingui-macro";
import type { Plugin } from "vite";

const MACRO_IMPORT = /from\s+["']@lingui\/(?:core|react)\/macro["']/;

/**
 * Expands Lingui's macros (`t`, `plural`, `msg`, `useLingui` from
 * `@lingui/*\/macro`) at build time. @vitejs/plugin-react 6 no longer runs
 * Babel, so this runs only the Lingui macro plugin, and only on the files that
 * import a macro; everything else goes straight to Vite's own transform.
 */
export function linguiMacros(): Plugin {
  return {
    name: "trailscope:lingui-macros",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (!/\.[cm]?[jt]sx?$/.test(file) || file.includes("/node_modules/"))
        return null;
      if (!MACRO_IMPORT.test(code)) return null;
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: {
          plugins: file.endsWith("x") ? ["typescript", "jsx"] : ["typescript"],
        },
        plugins: [linguiMacro],
      });
      if (!result?.code) return null;
      return { code: result.code, map: result.map };
    },
  };
}
