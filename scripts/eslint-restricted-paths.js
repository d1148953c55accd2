// Trailscope's import boundaries (../shared/STYLE.md) as a small local ESLint
// rule: app → features → {api, components, stores, lib}, features never import
// each other, production code never imports the simulated account.
//
// It resolves the project's two aliases (`@/` → src, `@mocks/` → mocks) and
// relative specifiers, and checks static imports and re-exports against zones:
// a file under `target` may not import anything under `from` unless it is
// under one of `except` (paths relative to `from`). Dynamic `import()` is left
// alone on purpose: main.tsx loads the simulated account lazily.
//
// It replaces eslint-plugin-import-x, whose resolver needs platform binaries
// the registry mirror does not carry, which left package-lock.json unusable
// for `npm ci`.
import path from "node:path";

const root = process.cwd();

/** @param {string} p */
const abs = (p) => path.resolve(root, p);
/** @param {string} dir @param {string} file */
const inside = (dir, file) => file === dir || file.startsWith(dir + path.sep);
/** @param {string | string[]} v */
const list = (v) => (Array.isArray(v) ? v : [v]);

/** @param {string} specifier @param {string} filename */
function resolveSpecifier(specifier, filename) {
  if (specifier.startsWith("@/"))
    return abs(path.join("src", specifier.slice(2)));
  if (specifier.startsWith("@mocks/"))
    return abs(path.join("mocks", specifier.slice(7)));
  if (specifier.startsWith("."))
    return path.resolve(path.dirname(filename), specifier);
  return undefined; // a package
}

/** @type {import('eslint').Rule.RuleModule} */
const restrictedPaths = {
  meta: {
    type: "problem",
    docs: { description: "Keep imports flowing the way STYLE.md says." },
    schema: [
      {
        type: "object",
        properties: { zones: { type: "array" } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const zones = (context.options[0]?.zones ?? []).map((zone) => ({
      targets: list(zone.target).map(abs),
      froms: list(zone.from).map(abs),
      except: list(zone.except ?? []),
      message: zone.message,
    }));
    const filename = context.physicalFilename ?? context.filename;
    const applicable = zones.filter((zone) =>
      zone.targets.some((t) => inside(t, filename)),
    );
    if (applicable.length === 0) return {};

    /** @param {import('estree').Node & { source?: import('estree').Literal | null }} node */
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const resolved = resolveSpecifier(specifier, filename);
      if (!resolved) return;
      for (const zone of applicable) {
        for (const from of zone.froms) {
          if (!inside(from, resolved)) continue;
          if (zone.except.some((e) => inside(path.resolve(from, e), resolved)))
            continue;
          context.report({
            node: node.source ?? node,
            message: `'${specifier}': ${zone.message}`,
          });
          return;
        }
      }
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default { rules: { "restricted-paths": restrictedPaths } };
