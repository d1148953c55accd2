import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileRule, type CompiledRule } from "../../src/lib/sigma/compile";

/**
 * The Sigma pack the console ships (src/lib/sigma/rules), compiled the same
 * strict way for the gateway's detection rules. The console bundles the
 * files with Vite; the gateway reads them from disk.
 */
export const PACK_DIR = resolve(
  import.meta.dirname,
  "../../src/lib/sigma/rules",
);

export function loadRulePack(dir = PACK_DIR): CompiledRule[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".yml"))
      .sort();
  } catch {
    return [];
  }
  const rules: CompiledRule[] = [];
  for (const file of files) {
    const result = compileRule(readFileSync(join(dir, file), "utf8"), {
      strict: true,
    });
    if (result.ok) rules.push(result.rule);
  }
  return rules;
}
