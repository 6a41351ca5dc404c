/** Command-line options shared by the corpus benchmarks. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const argv = process.argv.slice(2);

/** The value after `--name`, if given. */
export function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** `--corpus <dir>`, by default the shared corpus beside the repository. */
export const corpusDir = resolve(option("--corpus") ?? join(repoRoot, "../shared/xlsx-corpus"));

/** `--limit <files>`, by default every file. */
export const fileLimit = Number(option("--limit") ?? Infinity);
