/**
 * Trailscope's ActionTrail rule pack: the Sigma YAML files in ./rules, bundled
 * as text by Vite and compiled once, strictly (full metadata and test events).
 * A rule that fails to compile is a build-time bug: the pack test names it.
 */
import { compileRule, type CompiledRule, type Refusal } from "./compile";

const sources = import.meta.glob<string>("./rules/*.yml", {
  query: "?raw",
  import: "default",
  eager: true,
});

export interface PackFile {
  /** `actiontrail-stop-logging.yml` */
  file: string;
  text: string;
}

export const PACK_FILES: readonly PackFile[] = Object.entries(sources)
  .map(([path, text]) => ({
    file: path.slice(path.lastIndexOf("/") + 1),
    text,
  }))
  .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

export interface PackProblem {
  file: string;
  refusals: Refusal[];
}

/** Compiles pack files; refused files are reported, not thrown. */
export function compilePack(files: readonly PackFile[]): {
  rules: CompiledRule[];
  problems: PackProblem[];
} {
  const rules: CompiledRule[] = [];
  const problems: PackProblem[] = [];
  for (const { file, text } of files) {
    const result = compileRule(text, { strict: true });
    if (result.ok) rules.push(result.rule);
    else problems.push({ file, refusals: result.refusals });
  }
  return { rules, problems };
}

let cached: CompiledRule[] | undefined;

/** The shipped rules, compiled on first use. */
export function packRules(): readonly CompiledRule[] {
  cached ??= compilePack(PACK_FILES).rules;
  return cached;
}
